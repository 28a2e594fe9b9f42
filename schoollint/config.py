"""Configuration: `.schoollint.yml` at the repository root, or `[tool.schoollint]` in pyproject.toml.

Every key is validated against the rule catalogue; a mistake is a ConfigError
naming the file and the key, never a silent default.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import catalogue
from .config_paths import with_paths_from_its_folder
from .config_toml_lines import toml_key_lines
from .yaml_keys import repeated_key_said, shown
from .yamlload import explain, key_lines, safe_load
from .errors import UserError
from .suggest import did_you_mean

FAIL_LEVELS = ("error", "warning")
TOP_KEYS = ("select", "extend-select", "ignore", "exclude", "fail-level", "roster", "consent", "protected",
            "pupil-photos", "per-path", "site-roots")
CONSENT_POLICIES = ("optional", "required")


class ConfigError(UserError):
    """A configuration mistake; `keys` is the path of keys it is about, so the message can give its line."""

    def __init__(self, message: str, keys: tuple = ()):
        super().__init__(message)
        self.keys = keys


# What a rule option's default type asks for, in words a school's web editor uses.
TYPE_WORDS = {int: "a whole number", float: "a number", bool: "true or false", str: "text", list: "a list"}


@dataclass(frozen=True)
class PathOverride:
    """A per-path section of the configuration: rules ignored and rule options for the files its globs match."""

    globs: tuple[str, ...]
    ignore: dict[str, str]                      # code -> reason
    rule_options: dict[str, dict[str, Any]]


@dataclass
class Config:
    """The configuration in effect (config files, then the command line's options)."""

    source: str | None = None
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    fail_level: str = "warning"
    roster: str | None = None
    # "required": a roster pupil with no website consent recorded counts as refused (SL601)
    consent: str = "optional"
    # globs (source paths or URL path prefixes) the site serves behind a login (SL501)
    protected: list[str] = field(default_factory=list)
    # globs of photos that are of pupils whatever their pages say (SL501, SL502)
    pupil_photos: list[str] = field(default_factory=list)
    # folders the site serves at its root, most important first, ahead of the generator's config (SL304)
    site_roots: list[str] = field(default_factory=list)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    per_path: list[PathOverride] = field(default_factory=list)
    _merged: dict[tuple[int, ...], dict] = field(default_factory=dict, repr=False, compare=False)

    def selected_codes(self) -> set[str]:
        chosen = catalogue.expand(self.select if self.select is not None else ["ALL"])
        return (chosen | catalogue.expand(self.extend_select)) - catalogue.expand(self.ignore)

    def overrides_for(self, path: str) -> tuple[int, ...]:
        """Which per-path overrides apply to this path (their positions): what makes paths differ."""
        if not self.per_path:   # asked twice a file: no import statement to run when there is nothing to match
            return ()
        from .globs import any_match

        return tuple(i for i, override in enumerate(self.per_path) if any_match(override.globs, path))

    def options_for(self, path: str) -> dict[str, dict[str, Any]]:
        """Each rule's options for one file: catalogue defaults, config, then per-path overrides.

        Shared between paths with the same overrides: treat it as read-only.
        """
        key = self.overrides_for(path)
        merged = self._merged.get(key)
        if merged is None:
            merged = {code: dict(rule.defaults) for code, rule in catalogue.load().items()}
            for code, values in self.rule_options.items():
                merged[code].update(values)
            for index in key:
                for code, values in self.per_path[index].rule_options.items():
                    merged[code].update(values)
            self._merged[key] = merged
        return merged

    def ignored_for(self, path: str) -> dict[str, str]:
        """Codes ignored for this path by per-path overrides, with their reasons."""
        ignored: dict[str, str] = {}
        for index in self.overrides_for(path):
            ignored.update(self.per_path[index].ignore)
        return ignored

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "select": sorted(self.selected_codes()),
            "fail-level": self.fail_level,
            "exclude": self.exclude,
            "roster": self.roster,
            "consent": self.consent,
            "protected": self.protected,
            "pupil-photos": self.pupil_photos,
            "site-roots": self.site_roots,
            "rules": {code: options for code, options in self.options_for("").items() if options},
            "per-path": [
                {"paths": list(o.globs), "ignore": o.ignore, "rules": o.rule_options} for o in self.per_path
            ],
        }


def load_config(path: Path | None, display: str | None = None) -> Config:
    if path is None:
        return Config()
    where = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{where}: cannot read: {exc}") from None
    if path.suffix.lower() == ".toml":     # pyproject.toml's table, or a file of its own named with --config
        raw = _read_toml(text, where)
        raw = raw.get("tool", {}).get("schoollint", {}) if path.name == "pyproject.toml" else raw
    else:
        import yaml

        try:
            raw = safe_load(text)
        except yaml.YAMLError as exc:
            line, words = explain(exc)
            raise ConfigError(f"{where}{f':{line}' if line else ''}: not valid YAML: {words}") from None
        if (repeated := repeated_key_said(text, where)) is not None:   # PyYAML would keep the last silently
            raise ConfigError(repeated)
    try:
        return with_paths_from_its_folder(parse_config(raw or {}, where), path, display)   # config_paths.py
    except ConfigError as exc:
        toml = path.suffix.lower() == ".toml"     # pyproject.toml's keys are below [tool.schoollint]
        places = toml_key_lines(text, ("tool", "schoollint") if path.name == "pyproject.toml" else ()) \
            if toml else key_lines(text)
        line = places.get(exc.keys) if exc.keys else None
        if line is None or not str(exc).startswith(f"{where}: "):
            raise
        raise ConfigError(f"{where}:{line}: {str(exc)[len(where) + 2:]}") from None


def _read_toml(text: str, where: str) -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: not valid TOML: {exc}") from None


def parse_config(raw: Any, where: str) -> Config:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: the configuration must be a mapping of keys to values")
    config = Config(source=where)
    for key, value in raw.items():
        rule = catalogue.by_name_or_code(str(key))
        if rule is not None:
            config.rule_options[rule.code] = _rule_options(rule, value, f"{where}: {key}", (key,))
        elif key in ("select", "extend-select", "ignore", "exclude", "protected", "pupil-photos", "site-roots"):
            items = _string_list(value, f"{where}: {key}", (key,))
            if key in ("select", "extend-select", "ignore"):
                _check_selectors(items, f"{where}: {key}", (key,))
            if key == "site-roots":
                _check_folders(items, f"{where}: {key}", (key,))
            setattr(config, key.replace("-", "_"), items)
        elif key == "fail-level":
            if value not in FAIL_LEVELS:
                raise ConfigError(f"{where}: fail-level must be one of {', '.join(FAIL_LEVELS)}, not {shown(value)}",
                                  (key,))
            config.fail_level = value
        elif key == "roster":
            if not isinstance(value, str):
                raise ConfigError(f"{where}: roster must be a file path", (key,))
            config.roster = value
        elif key == "consent":
            if value not in CONSENT_POLICIES:
                raise ConfigError(f"{where}: consent must be one of {', '.join(CONSENT_POLICIES)}, not {shown(value)}",
                                  (key,))
            config.consent = value
        elif key == "per-path":
            config.per_path = _per_path(value, f"{where}: per-path")
        else:
            meant = did_you_mean(str(key), [*TOP_KEYS, *_rule_words()])
            raise ConfigError(
                f"{where}: unknown key {key!r}{meant} (known: {', '.join(TOP_KEYS)}, or a rule code or name)", (key,)
            )
    return config


def _rule_words() -> list[str]:
    """Every rule's code and name, for "did you mean" (suggest.py)."""
    return [word for rule in catalogue.load().values() for word in (rule.code, rule.name)]


def _string_list(value: Any, where: str, keys: tuple) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: expected a list of strings (text in quotes, or '- item' lines)", keys)
    return value


def _check_folders(items: list[str], where: str, keys: tuple) -> None:
    """Folders named relative to the repository root: an absolute path or one through ".." would
    name files outside the repository, which its pages cannot serve."""
    for item in items:
        parts = item.replace("\\", "/").split("/")
        if parts[0] == "" or parts[0].endswith(":") or ".." in parts:    # "/srv", "\\srv", "C:", "../x"
            raise ConfigError(f"{where}: {item!r} must be a folder of the repository, written relative to its "
                              "root without '..' (such as 'src' or 'web/public')", keys)


def _check_selectors(items: list[str], where: str, keys: tuple) -> None:
    try:
        catalogue.expand(items)
    except catalogue.CatalogueError as exc:
        raise ConfigError(f"{where}: {exc}", keys) from None


def _rule_options(rule: catalogue.Rule, value: Any, where: str, keys: tuple) -> dict[str, Any]:
    """A rule's options checked against its catalogue entry; ConfigError names the option and says in
    plain words what it takes (the default as an example)."""
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected the rule's options, one 'name: value' a line", keys)
    options = {}
    for name, setting in value.items():
        spec = rule.options.get(name)
        at = (*keys, name)
        if spec is None:
            known = ", ".join(rule.options) or "none"
            raise ConfigError(f"{where}: no option {name!r} (options: {known}){did_you_mean(str(name), rule.options)}",
                              at)
        default = spec["default"]
        expected = type(default)
        if expected is float and isinstance(setting, int) and not isinstance(setting, bool):
            setting = float(setting)             # "factor: 2" means 2.0
        if expected is int and isinstance(setting, bool) or not isinstance(setting, expected):
            wanted = TYPE_WORDS.get(expected, expected.__name__)
            raise ConfigError(f"{where}.{name}: expected {wanted} (such as the default, {default!r}), "
                              f"got {_shown(setting)}", at)
        if "choices" in spec and setting not in spec["choices"]:
            raise ConfigError(f"{where}.{name}: must be one of {', '.join(spec['choices'])}, got {setting!r}", at)
        if "minimum" in spec and setting < spec["minimum"]:
            raise ConfigError(f"{where}.{name}: must be at least {spec['minimum']}, got {setting!r}", at)
        options[name] = setting
    return options


def _shown(value: Any) -> str:
    """A value as the configuration file writes it: true, not Python's True."""
    return str(value).lower() if isinstance(value, bool) else repr(value)


def _per_path(value: Any, where: str) -> list[PathOverride]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a mapping from glob to overrides", ("per-path",))
    overrides = []
    for glob, body in value.items():
        place = f"{where}: {glob}"
        if not isinstance(body, dict):
            raise ConfigError(f"{place}: expected a mapping with `ignore` and/or rule options", ("per-path", glob))
        ignore: dict[str, str] = {}
        rule_options: dict[str, dict[str, Any]] = {}
        for key, setting in body.items():
            if key == "ignore":
                ignore = _per_path_ignores(setting, f"{place}: ignore", ("per-path", glob, key))
                continue
            rule = catalogue.by_name_or_code(str(key))
            if rule is None:
                meant = did_you_mean(str(key), ["ignore", *_rule_words()])
                raise ConfigError(f"{place}: unknown key {key!r}{meant} (expected `ignore` or a rule code or name)",
                                  ("per-path", glob, key))
            rule_options[rule.code] = _rule_options(rule, setting, f"{place}: {key}", ("per-path", glob, key))
        overrides.append(PathOverride(globs=(glob,), ignore=ignore, rule_options=rule_options))
    return overrides


def _per_path_ignores(value: Any, where: str, keys: tuple) -> dict[str, str]:
    if not isinstance(value, list):
        raise ConfigError(f"{where}: expected a list of {{rule: CODE, reason: why}}", keys)
    ignores = {}
    for entry in value:
        if not isinstance(entry, dict) or set(entry) != {"rule", "reason"}:
            raise ConfigError(f"{where}: each entry needs exactly `rule` and `reason`, got {entry!r}", keys)
        reason = entry["reason"]
        if not isinstance(reason, str) or not reason.strip():
            raise ConfigError(f"{where}: the reason for ignoring {entry['rule']} must be a sentence", keys)
        try:
            codes = catalogue.expand([str(entry["rule"])])
        except catalogue.CatalogueError as exc:
            raise ConfigError(f"{where}: {exc}", keys) from None
        for code in codes:
            ignores[code] = reason
    return ignores
