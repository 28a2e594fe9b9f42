"""placeholder"""
FORMAT = "SVG"
EXTENSIONS = ()


def accept(prefix: bytes) -> bool:
    return False
