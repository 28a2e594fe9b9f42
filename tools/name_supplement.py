"""The hand-kept supplement to the name lists: given names and surnames of children in UK schools that
Faker, mimesis and the 1990 US census lack (tools/build_name_data.py adds them; run by hand).

Plain facts, written here by hand (no list was downloaded or copied whole): names common among
children in UK schools today, by origin, kept small (about 100 per origin at most). Written in their own
spelling; tools/build_name_data.py keys them with `plain()` ("Màiri" -> "mairi"). A name that is also a
common English word (Zipf >= 3.5 in common_words.txt: "Long", "Nest") is left out when the lists are
written, as Faker's are. Where each origin's names can be checked (published lists of the commonest names):
- Welsh: ONS, "Baby names in England and Wales" (its tables for Wales); Heini Gruffudd, "Welsh Personal
  Names" (Y Lolfa); T. J. Morgan and Prys Morgan, "Welsh Surnames" (University of Wales Press, 1985). The
  word-names Welsh families give as second given names (Haf "summer", Fflur, Heulwen, Wyn: "Elin Haf
  Roberts") are here too, so "Haf" is a middle name, not a surname; Faker's and mimesis's locales hold
  almost no Welsh names (none has a cy locale), so the list is longer than most.
- Irish: Central Statistics Office (Ireland), "Irish Babies' Names"; Donnchadh Ó Corráin and Fidelma
  Maguire, "Irish Names" (Lilliput, 1990).
- Scottish Gaelic: National Records of Scotland, "Babies' first names"; Akerbeltz (akerbeltz.org),
  Gaelic personal names and surnames.
- Polish: the PESEL register's names given to children (dane.gov.pl). German: Gesellschaft für deutsche
  Sprache, "Die beliebtesten Vornamen". Turkish: TÜİK, birth statistics (the commonest names).
- Romanian, Portuguese, Lithuanian, Ukrainian, Filipino: the statistics offices' commonest-names tables.
- English, the names given more recently (Wren, Clover, Marlowe, Rafferty): ONS, "Baby names in England and
  Wales" (the full tables). Korean: Statistics Korea and the Supreme Court of Korea's register of names given
  to newborns (the commonest given names), and Statistics Korea's census of surnames (Kim, Lee, Park, ...).
- Yoruba, Igbo, Akan, Vietnamese, Urdu/Punjabi, Bengali, Indian, Somali, Arabic, Eritrean/Ethiopian,
  Kurdish/Persian, Nepali, Albanian, Chinese: ONS "Baby names in England and Wales" (the full tables list
  every name given to three babies or more) and, for surnames, Onomap (Mateos, Webber and Longley, UCL),
  which classifies UK surnames by origin.
"""

from __future__ import annotations

GIVEN = {
    "welsh": """Alaw Alys Angharad Anwen Awen Bethan Branwen Cadi Carys Catrin Ceinwen Cerys Delyth Eira Eirlys
        Eleri Elin Elan Eluned Enfys Efa Ffion Glesni Gwawr Gwen Gwenllian Gwenno Hafwen Heledd Lleucu Llinos
        Lowri Mali Manon Mared Meinir Mererid Mirain Myfanwy Nerys Nia Olwen Rhian Rhiannon Seren Siân Sioned
        Swyn Tesni Tirion Aled Alun Aneurin Arwel Bedwyr Bryn Cai Caio Cynan Dafydd Deian Deio Dewi Elgan Elis
        Emrys Emyr Geraint Gethin Glyn Gruffudd Gruffydd Guto Gwion Gwilym Gwydion Hedd Huw Hywel Iago Ianto
        Idris Ieuan Ifan Iolo Iwan Llew Llŷr Macsen Medwyn Meilyr Osian Owain Peredur Rhodri Rhun Rhydian Rhys
        Siôn Steffan Taliesin Tomos Trystan Tudur Twm Tegid Cadfan Caradog Dyfan Dyfrig Einion Elfed Emlyn
        Gwynfor Hefin Heddwyn Idwal Ifor Islwyn Lleu Madog Maelgwn Meirion Myrddin Rhydderch Tudwal Gwern Carwyn
        Cerith Deiniol Eifion Glyndŵr Gronw Iestyn Llywelyn Meical Seiriol Tegwyn Trefor Wyn Arianwen Buddug
        Ceridwen Dilys Eirian Eurgain Gwladys Luned Nansi Rhonwen Siwan Haf Fflur Heulwen Elain Mabli Tegwen
        Betrys Beca Elliw Nanw""",
    "irish": """Ailbhe Ailís Áine Aisling Aoibheann Aoibhe Aoibhinn Aoife Bláthnaid Caitríona Caoimhe Ciara
        Clíodhna Clodagh Dearbhla Doireann Éabha Éadaoin Eimear Fiadh Fionnuala Gráinne Laoise Líadan Méabh
        Meadhbh Muireann Niamh Nuala Órla Orlaith Ríona Róisín Sadhbh Saoirse Saorlaith Síofra Sinéad Siobhán
        Sorcha Úna Aodh Aodhán Ardal Breandán Caolán Cathal Cian Ciarán Cillian Colm Conall Conchúr Cormac
        Dáire Daithí Darragh Diarmuid Dónal Donnacha Donncha Éanna Eoghan Eoin Fearghal Feidhlim Fiachra Fionn
        Lorcan Naoise Odhrán Oisín Oran Pádraig Páidí Rian Rónán Ruairí Séamus Seán Senan Setanta Tadhg
        Tiarnán Tomás Turlough Ultan""",
    "scottish-gaelic": """Ailsa Beathag Caitrìona Catrìona Ciorstaidh Ealasaid Eilidh Fionnghal Iseabail Ishbel
        Kirsty Mairead Màiri Marsaili Mhairi Mòrag Oighrig Peigi Raonaid Rhona Seonag Seonaid Shona Sìleas Sìne
        Ailean Alasdair Aonghas Cailean Calum Coinneach Dòmhnall Donnchadh Dùghall Eachann Euan Fearchar
        Fionnlagh Gillean Hamish Iain Innes Lachlann Murchadh Raghnall Ruairidh Ruaraidh Ruaridh Seumas
        Somhairle Struan Tormod Torquil Uilleam Uisdean""",
    "polish": """Zuzanna Zofia Alicja Oliwia Pola Antonina Wiktoria Nadia Marcelina Iga Jagoda Natalia Gabriela
        Milena Liliana Martyna Kornelia Malwina Agnieszka Małgorzata Katarzyna Dorota Joanna Urszula Bożena
        Grażyna Jadwiga Antoni Aleksander Franciszek Nikodem Jakub Szymon Stanisław Mikołaj Wojciech Kacper
        Tymon Ignacy Michał Bartosz Bartłomiej Maciej Krzysztof Przemysław Grzegorz Zbigniew Wiesław Tadeusz
        Kazimierz Witold Tomasz Dawid Miłosz Kuba Bartek Staś Tymoteusz""",
    "german": """Emilia Lina Mila Leni Frieda Mathilda Greta Luisa Paulina Theresa Johanna Annika Svenja Anke
        Silke Heike Elias Emil Anton Mats Lukas Maximilian Moritz Jannik Niklas Lennard Malte Hannes Jörg Uwe
        Dirk Sven Torsten Matthias""",
    "turkish": """Zeynep Elif Defne Asel Eylül Azra Nehir Ela Ecrin Ecem Asya Meryem Duru Yağmur Melis Irmak
        Beren Ceren Buse Büşra Derya Gizem Hazal Nisa Sude İpek Selin Sena Zehra Ayşe Fatma Hatice Emine Şevval
        Berra Esma Miray Damla Alparslan Eymen Mustafa Göktuğ Miraç Ömer Aras Kerem Poyraz Çınar Emir Mert Alp
        Berat Yiğit Arda Efe Kaan Burak Baran Deniz Eren Emre Hakan Oğuz Onur Serkan Tolga Uğur Volkan Barış
        Batuhan Furkan Enes Talha Yasin Hüseyin Ahmet Mehmet""",
    "yoruba": """Abimbola Abiodun Ademola Adeola Adunni Ayodele Ayomide Ayotunde Babajide Babatunde Bisola Bolaji
        Bukola Damilola Damola Dayo Demilade Dolapo Eniola Femi Folake Folasade Funke Funmilayo Ibukun
        Ifeoluwa Ikeoluwa Ireoluwa Iyanu Jumoke Kayode Kehinde Kunle Mojisola Morayo Morenike Olamide Olumide
        Oluwafemi Oluwaseun Oluwatobi Oluwatosin Opeyemi Oreoluwa Segun Seun Shola Simisola Sola Taiwo
        Temidayo Temitope Titilayo Tobi Tolu Tolulope Toluwani Tope Tunde Wuraola Yetunde""",
    "igbo": """Adaeze Amarachi Chiamaka Chibuzo Chidi Chidinma Chinedu Chinonso Chinwe Chioma Chisom Chukwuemeka
        Ebere Ebuka Emeka Ifeanyi Ifunanya Ikenna Kamsi Kelechi Munachi Ngozi Nkechi Nnamdi Nneka Obiageli
        Obinna Oluchi Onyeka Somto Tochukwu Uchenna Ugochi Zikora Ikechukwu Uchechukwu Ugochukwu Chukwuma
        Onyinyechi Chimamanda Kamsiyochukwu""",
    "akan": """Kwame Kofi Kwabena Kwaku Kwasi Yaw Kojo Kwesi Kweku Kobina Fiifi Ekow Ama Abena Akosua Adwoa Adjoa
        Afua Efua Esi Akua Yaa Ekua Araba Efia""",
    "vietnamese": """Anh Bao Binh Chau Cuong Dung Duc Duong Giang Hanh Hien Hieu Hoa Hoang Hong Huong Huy Khanh
        Khang Khoa Lan Linh Loan Minh Ngan Ngoc Nhi Nhung Phong Phuc Phuong Quan Quang Quyen Thanh Thao Thinh
        Thu Thuy Tien Trang Trinh Trung Tuan Tung Uyen Viet Vinh Vy Xuan Yen""",
    "urdu-punjabi": """Areeba Aiza Alishba Amna Eman Hafsa Hania Hira Iqra Javeria Kinza Laiba Mahnoor Maham
        Mehwish Rabia Sidra Zoya Zunaira Arham Ayaan Danyal Faisal Fahad Haider Haris Imran Junaid Kashif
        Nabeel Rayyan Rizwan Saad Salman Shahzad Shoaib Sohail Usman Waqas Zeeshan Zohaib Arsalan Adeel Asad
        Waleed""",
    "bengali": """Sumaiya Tahmina Farhana Nusrat Sadia Tasnim Sharmin Rukhsana Jannat Rumana Taslima Ruksana Afsana
        Rafiq Shakil Sabbir Tanvir Rakib Rashed Mahbub Mizanur Jahid Nazrul Imtiaz Tahmid Arafat Sakib Nafis""",
    "indian": """Aarav Advik Aditya Anay Aryan Ishaan Karthik Krish Pranav Reyansh Rohan Shaurya Siddharth Vihaan
        Vivaan Gurpreet Harpreet Jaspreet Manpreet Navjot Gurdeep Jaskaran Harjot Aadhya Aanya Ananya Diya
        Ishani Kavya Myra Navya Saanvi Sanvi Shreya Tanvi Riya Divya Deepika Janani Keerthana Nithya Harini
        Dharshini Sneha""",
    "somali": """Hodan Fardowsa Hibaq Ifrah Nasra Sagal Sahra Hamdi Deeqa Ubah Khadra Abdi Abdirahman Abdullahi
        Liban Mohamud Mustafe Guled Abdikarim Abdiaziz""",
    "arabic": """Layla Leila Mariam Nour Rania Hala Salma Reem Dalia Malak Jood Ranim Khalid Tariq Ziad Yazan
        Mahmoud Samir Rami Anas Majd Qusai Rayan Zaid""",
    "eritrean-ethiopian": """Senait Selam Saron Hiwot Meron Mahlet Tsion Feven Luwam Yordanos Semhar Delina Dawit
        Yonas Filmon Biniam Eyob Henok Kibrom Mehari Natnael Robel Yohannes Mulugeta Bereket""",
    "kurdish-persian": """Rozhin Shilan Helin Berfin Rojda Zilan Dilan Avin Nazanin Parisa Rebwar Kawa Soran Hawre
        Arman Kian Dariush""",
    "nepali": """Aashika Aakriti Bipana Aayush Bibek Bikash Prabin Sujan Suman Anish Nabin Sabina Srijana Sunita
        Anjali Pratiksha Manisha Samjhana Aastha""",
    "romanian": """Andreea Ioana Denisa Larisa Roxana Raluca Anca Mihaela Oana Alina Georgiana Ionuț Ștefan Florin
        Vlad Radu Bogdan Sorin Răzvan Matei Dragoș Cosmin""",
    "portuguese": """Beatriz Leonor Matilde Inês Francisca Constança Madalena Luana Tiago Rodrigo Duarte Afonso
        Gonçalo Martim Guilherme Diogo Vicente João Bernardo Lourenço""",
    "lithuanian": """Gabija Ugnė Emilija Austėja Kamilė Urtė Ieva Rūta Agnė Miglė Aistė Matas Jokūbas Nojus
        Dominykas Kajus Herkus Rokas Mantas Domantas Augustas Gustas Vytautas""",
    "albanian": """Arbër Arbra Besnik Blerim Dardan Drilon Endrit Ermal Fatos Gentian Ilir Kujtim Leart Liridon Valon
        Arta Besa Blerta Drita Elira Erza Fjolla Jeta Mimoza Vlora Albulena Arjeta""",
    "ukrainian": """Kateryna Oksana Olena Yuliia Iryna Nataliia Sofiia Anastasiia Daryna Solomiia Zlata Mykola
        Mykhailo Oleksandr Oleksii Andrii Bohdan Dmytro Taras Yaroslav Vasyl Serhii Yurii Maksym Artem Nazar
        Denys""",
    "filipino": """Angelica Jericho Kristine Rhea Aira Althea Czarina Jhon Mikaela Angeline""",
    "english-modern": """Wren Clover Marlowe Wynter Rafferty Koa Caspian Indigo Onyx Bodhi Margo Otto""",
    "korean": """Seoyeon Seoyun Jiwoo Seoah Hayun Haeun Minseo Jiyu Yuna Chaewon Subin Minji Yerin Soyeon Eunji
        Hyejin Jiyeon Sohee Minjun Seojun Doyun Yejun Siwoo Hajun Jiho Juwon Eunwoo Jihoon Hyunwoo Junseo Dohyun
        Minjae Seungmin Jaehyun Taeyang""",
    "chinese": """Yiwen Haoran Zihan Zixuan Yuxuan Yuhan Xinyi Yutong Jiayi Ziyi Mingyu Junjie Zihao Yichen Muchen
        Ruoxi Shiyu Siyu Xinyu Yunxi Zhiyuan Haoyu""",
}

SURNAMES = {
    "welsh": """Prydderch Prosser Probert Pugh Puw Beynon Bevan Gwynne Howells Cadwaladr Gruffydd Llewellyn Llwyd
        Prys Wyn Gwyn Tudur Bebb Huws Dafis Elis Parri Rhisiart Siôn Ifans""",
    "scottish-gaelic": """MacLeod Macaulay MacDonald Mackenzie Mackay Macintyre Maclean MacNeil Matheson Macrae
        MacIver Nicolson Macaskill MacLennan MacKinnon Morrison""",
    "turkish": """Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin
        Kara Koç Kurt Özkan Şimşek Polat Korkmaz Aksoy Tekin Yavuz Güneş Erdoğan Bulut Karataş Turan Acar Avcı
        Bozkurt Keskin Uçar Ünal Tunç Çakır Güler Sarı Işık Ateş Kaplan Aktaş Altun Toprak Ekinci""",
    "yoruba": """Adeyemi Ogunleye Akinola Oyelaran Adebisi Oladipo Ajayi Olatunji Adesanya Ogundipe Olaniyan Fashola
        Adeyinka Ogunbiyi Adeyemo Bakare Olawale Akinwale Oyewole Adeleke Afolabi Ogunsola Oyebanji Babalola
        Adewumi Alabi Adegoke Akande Balogun Oladele Olaniyi Ojo Ige Ogunbanjo Adebowale Adekoya Ogundele Odunsi""",
    "igbo": """Okafor Okonkwo Nwosu Eze Obi Okeke Nwachukwu Chukwu Okoro Onyeka Nwankwo Okoye Anyanwu Ezeh Nwoye
        Okolie Obiora Ogbonna Nnadi Onuoha Ugwu Nweke Ezeani""",
    "akan": """Mensah Asante Owusu Boateng Osei Appiah Agyeman Amoah Ansah Addo Darko Ofori Acheampong Antwi Bonsu
        Frimpong Gyamfi Oppong Sarpong Yeboah Quaye Tetteh Amponsah Danso Adjei Asamoah Opoku Nyarko""",
    "vietnamese": """Nguyen Tran Pham Hoang Huynh Phan Vu Vo Dang Bui Ngo Duong Ly Luong Trinh Dinh Lam Truong Doan
        Quach Vuong Trieu""",
    "urdu-punjabi": """Iqbal Akhtar Chaudhry Qureshi Siddiqui Mirza Javed Nawaz Rehman Saleem Aslam Anwar Farooq
        Rashid Raza Abbasi Bhatti Awan Hashmi Zaidi Naqvi Rizvi Riaz Shahid Tariq Yousaf Mahmood Masood Afzal
        Ashraf Jamil Latif Nadeem Zafar""",
    "bengali": """Begum Akter Akhter Khatun Uddin Miah Chowdhury Sarkar Talukder Sikder Mollah Howlader Bhuiyan
        Haque Kabir Siddique""",
    "indian": """Mistry Desai Mehta Parmar Solanki Chauhan Thakkar Pandya Sandhu Sidhu Dhillon Grewal Bains Iyer
        Iyengar Menon Pillai Reddy Naidu Subramanian Krishnan Ramasamy Srinivasan Venkatesh Kulkarni Deshpande
        Patil Banerjee Chatterjee Mukherjee Bhattacharya""",
    "somali": """Warsame Jama Aden Egal Guled Shire Dualeh Elmi Mohamoud Mohamud Abdirahman Abdullahi""",
    "arabic": """Haddad Khalil Mansour Nasser Saleh Hamdan Khoury Najjar Darwish Farouk Hijazi Jaber Kassem Masri
        Nassar Odeh Qasim Sabbagh Shaheen Yassin""",
    "eritrean-ethiopian": """Tesfaye Haile Gebremedhin Tekle Berhane Kidane Mengistu Alemu Bekele Girma Tadesse
        Abebe Getachew Woldemariam Ghebremichael Tesfamariam Asfaw Desta Hailu""",
    "kurdish-persian": """Karimi Ahmadi Hosseini Mohammadi Rezaei Moradi Rahimi Jafari Sadeghi Hashemi Rostami
        Ebrahimi Kazemi Barzani""",
    "nepali": """Pun Thapa Gurung Magar Limbu Tamang Shrestha Sherpa Adhikari Karki Khadka Poudel Bhandari Basnet
        Ghimire Subedi""",
    "romanian": """Popescu Ionescu Dumitru Stoica Gheorghe Munteanu Constantin Rusu Dinu Lungu Florea Nistor
        Cristea Moldovan Ciobanu Dobre Ungureanu""",
    "portuguese": """Ferreira Pereira Oliveira Rodrigues Gonçalves Marques Ribeiro Carvalho Teixeira Moreira
        Correia Monteiro Cardoso""",
    "lithuanian": """Kazlauskas Kazlauskaitė Kazlauskienė Petrauskas Petrauskaitė Jankauskas Stankevičius
        Vasiliauskas Žukauskas Butkus Paulauskas Urbonas Kavaliauskas Baranauskas Navickas Rimkus Šimkus
        Balčiūnas Vaitkus""",
    "albanian": """Hoxha Krasniqi Gashi Berisha Morina Shala Kelmendi Bytyqi Hasani Shehu Dervishi Gjoka Bajrami
        Ahmeti""",
    "ukrainian": """Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Boiko Melnyk Shevchuk Koval Oliinyk
        Polishchuk Tkachuk Savchenko Rudenko Lysenko Marchenko Ponomarenko Kovalchuk Petrenko Kravchuk Klymenko""",
    "filipino": """Bautista Villanueva Aquino Pascual Dizon Manalo Mercado Tolentino Soriano Navarro Salazar""",
    "korean": """Kim Lee Park Choi Jung Jeong Kang Cho Yoon Jang Lim Han Shin Kwon Hwang Ahn Song Yoo Hong Jeon
        Moon Yang Bae Baek Seo""",
    "chinese": """Zhang Zhao Zhou Xu Zhu Guo Luo Zheng Liang Xie Deng Peng Zeng Xiao Yuan Cai Jiang Cui Zhong
        Leung Cheung Chow Kwok Tsang Yeung""",
}


# Given names that are English words too, kept as given names all the same (given_names.txt marks them
# " word" and common_words.txt keeps them: a word in a file name, a name before a surname in prose). Welsh
# "Mali" and "Nest" start Welsh pupils' names ("Mali Haf Jones", "Nest Gwilym"), as "Rose" and "Hope" do
# English ones; the rule that leaves a name commoner than Zipf 3.5 as a word out would drop them.
WORD_GIVEN = {
    "welsh": """Mali Nest""",
}


def names(table: dict[str, str]) -> list[str]:
    """Every name of a table, as written."""
    return [name for group in table.values() for name in group.split()]
