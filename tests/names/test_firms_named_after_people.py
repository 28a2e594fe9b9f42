"""Firms named after people (issue 10, heldout_o's wrong reports "Johnson Matthey", "John Lewis"): a firm
schools thank for work experience, prizes and sponsorship, or a name followed by a firm's words ("& Sons",
"and Co.", "Ltd", "LLP"), is no pupil; a pupil named beside it still is. Through the command line, real
JPEGs, with and without a roster; in Markdown and in a React component."""

from __future__ import annotations

from tests.names.kinds_kit import html, names_reported

THANKS = ("Thank you to Johnson Matthey for the Year 10 work experience week, and to John Lewis for the raffle "
          "prizes. Winner: Imogen Fairweather (Year 5).")
FIRMS = ("Prizes were given by Priya Patel Ltd, Amelia Watson & Sons, Oliver Hughes and Co. and Ahmed Khan "
         "Solicitors LLP, presented to Tobias Lindqvist (Year 6).")
COMPONENT = """import Image from "next/image";

export default function Sponsors() {
  return (
    <section className="sponsors">
      <Image src="/images/minibus.jpg" alt="" width={600} height={400} />
      <p>The new minibus was paid for by Johnson Matthey and the Marks and Spencer community fund.</p>
    </section>
  );
}
"""


def test_firms_named_after_people_are_no_pupils(tmp_path):
    pages = {"site/thanks.md": f"![](/images/thanks.jpg)\n\n{THANKS}\n",
             "site/firms.html": html(f'<figure><img src="/images/firms.jpg" alt=""><figcaption>{FIRMS}'
                                     "</figcaption></figure>"),
             "src/components/Sponsors.tsx": COMPONENT}
    expected = {"site/thanks.md": {"Imogen Fairweather"}, "site/firms.html": {"Tobias Lindqvist"}}
    assert names_reported(tmp_path / "without", pages) == expected
    roster = [("Imogen", "Fairweather"), ("Tobias", "Lindqvist"), ("Ellis", "Matthey")]
    assert names_reported(tmp_path / "with", pages, roster) == expected
