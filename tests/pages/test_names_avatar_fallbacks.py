"""An avatar's fallback (shadcn/ui's `<AvatarFallback>`, Radix's `Avatar.Fallback`: initials shown instead of the
photo when it does not load) is no text beside the photo, so the words after the avatar (the person's name and
role in the next block) are its caption, as after a plain <img>; the fallback's own words are read as the
photo's too (issue 10). Through the command line on a real .tsx file and JPEGs.
"""

from __future__ import annotations

from tests.names.test_issue10_kinds import lint

TSX = """import { Avatar, AvatarFallback, AvatarImage } from "@/components/ui/avatar";

export function Lead() {
  return (
    <div className="flex items-center gap-4">
      <Avatar className="h-16 w-16">
        <AvatarImage src="/images/av1.jpg" alt="" />
        <AvatarFallback>%s</AvatarFallback>
      </Avatar>
      <div>
        <p className="font-medium">%s</p>
        <p className="text-sm">Designated Safeguarding Lead</p>
      </div>
    </div>
  );
}
"""


def test_the_name_after_an_avatar_with_a_fallback(tmp_path):
    found = lint(tmp_path / "s", {"src/components/Lead.tsx": TSX % ("DSL", "Oluwatobi Fashola-Grant")})
    assert {(code, value) for code, _path, value in found} == {("SL303", "Oluwatobi Fashola-Grant")}


def test_a_name_in_the_fallback_is_the_photos(tmp_path):
    found = lint(tmp_path / "s", {"src/components/Lead.tsx": TSX % ("Oluwatobi Fashola-Grant", "Our lead")})
    assert {(code, value) for code, _path, value in found} == {("SL303", "Oluwatobi Fashola-Grant")}
