"""JavaScript and TypeScript as components write them: values found statically in tree-sitter trees.

The trees come from `treesitter`, so JSX attributes and text are told apart
from comments and string literals exactly (a regular expression or an HTML
parser is fooled by JSX).

`Script.values(node, env)` finds what an expression can be without running
it, from string literals in the same file: a literal or a template literal;
a `const` bound to one; an `import x from './a.jpg'`, `require('./a.jpg')` (and its `.default`) or
`new URL('./a.jpg', import.meta.url)` (the path); `p.name` where `p` is an
item of an array of object literals being mapped (`env`), or else the `name`
of every object literal in the file; `a + b` and template substitutions when
each part has one value; `names.join(", ")` of an array whose items are known; both arms of `c ? a : b`
and `a || b`; a name the script does not bind, when a
Vue component's `data()` or `setup()` returns an object holding it (the Vue 3 guide, "Reactivity
Fundamentals": a template reads those as its own names), or `ref(x)` / `computed(() => x)` of one. Anything
else is unknown (None), which callers report as unknown, never as clean. `items` gives the array a loop
maps over: an array literal, or `Object.values(o)` / `Object.entries(o)` of an object literal (a `Record` of
people keyed by role), whose entries bind `([key, p])` as [key, value].
Returns lists of (text, 1-based line).
"""

from __future__ import annotations

from collections import defaultdict

from .treesitter import line, text, unwrap

Values = list[tuple[str, int]]
_MAX_DEPTH = 24
_MAX_VALUES = 500
_STATE = frozenset({"data", "setup"})           # Vue options whose returned object a template reads
_WRAPPERS = frozenset({"ref", "shallowRef", "computed", "readonly"})     # Vue: a value the template unwraps
_OBJECT_LISTS = frozenset({"Object.values", "Object.entries"})


class Script:
    """The bindings of one or more programs (a component's script blocks), for `values`."""

    def __init__(self, roots):
        self.bindings: dict[str, object] = {}
        self.imports: dict[str, tuple[str, int]] = {}
        self.by_key: dict[str, list] = defaultdict(list)
        self.state: dict[str, object] = {}       # Vue: what data() and setup() return, by name
        stack = list(roots)
        while stack:
            node = stack.pop()
            kind = node.type
            if kind == "variable_declarator":
                name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
                if name is not None and value is not None and name.type == "identifier":
                    self.bindings.setdefault(text(name), value)
            elif kind == "import_statement":
                self._import(node)
            elif kind == "method_definition" and text(node.child_by_field_name("name") or node) in _STATE:
                self._state(node.child_by_field_name("body"))
            elif kind == "pair":
                key = node.child_by_field_name("key")
                value = node.child_by_field_name("value")
                if key is not None and value is not None:
                    self.by_key[text(key).strip("\"'`")].append(value)
                    if text(key) in _STATE and value.type in ("function_expression", "arrow_function"):
                        self._state(value.child_by_field_name("body"))     # data: () => ({...})
            stack.extend(node.children)

    def _import(self, node) -> None:
        source = node.child_by_field_name("source")
        clause = next((child for child in node.named_children if child.type == "import_clause"), None)
        if source is None or clause is None:
            return
        path = (text(source)[1:-1], line(source))
        for child in clause.named_children:
            if child.type == "identifier":                       # import x from '...'
                self.imports[text(child)] = path
            elif child.type == "namespace_import" and child.named_children:
                self.imports[text(child.named_children[-1])] = path

    def _state(self, body) -> None:
        """The properties of the object a `data()` or `setup()` body returns (not a nested function's); a
        shorthand `{ photo }` is the binding of that name already."""
        statements = body.named_children if body is not None and body.type == "statement_block" else [body]
        for statement in statements if body is not None else ():
            returned = unwrap(statement) if statement.type != "return_statement" else \
                unwrap(statement.named_children[0]) if statement.named_children else None
            for pair in returned.named_children if returned is not None and returned.type == "object" else ():
                key, value = pair.child_by_field_name("key"), pair.child_by_field_name("value")
                if pair.type == "pair" and key is not None and value is not None:
                    self.state.setdefault(text(key).strip("\"'`"), value)

    def values(self, node, env: dict | None = None, depth: int = 0) -> Values | None:
        """Every value the expression `node` can have, or None when it cannot be known here."""
        node = unwrap(node)
        if node is None or depth > _MAX_DEPTH:
            return None
        env = env or {}
        kind = node.type
        if kind == "string":
            return [(text(node)[1:-1], line(node))]
        if kind in ("string_fragment", "jsx_text"):
            return [(text(node), line(node))]
        if kind in ("number", "true", "false"):
            return [(text(node), line(node))]
        if kind == "template_string":
            return self._joined([child for child in node.named_children if child.type != "escape_sequence"],
                                env, depth, fragments=True) or None
        if kind == "binary_expression":
            operator = node.child_by_field_name("operator")
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            if operator is not None and text(operator) == "+":
                return self._joined([left, right], env, depth)
            if operator is not None and text(operator) in ("||", "??"):
                return self._either([left, right], env, depth)
            return None
        if kind == "ternary_expression":
            return self._either([node.child_by_field_name("consequence"), node.child_by_field_name("alternative")],
                                env, depth)
        if kind in ("identifier", "shorthand_property_identifier"):
            return self._identifier(text(node), env, depth)
        if kind == "member_expression":
            return self._member(node, env, depth)
        if kind in ("call_expression", "new_expression"):
            return self._call(node, env, depth)
        if kind == "template_substitution":
            inner = node.named_children
            return self.values(inner[0], env, depth + 1) if inner else None
        return None

    def _identifier(self, name: str, env: dict, depth: int) -> Values | None:
        if name in env:
            return self.values(env[name], env, depth + 1) if env[name] is not None else None
        if name in self.imports:
            return [self.imports[name]]
        bound = self.bindings.get(name, self.state.get(name))      # Vue: a template's name for data()'s
        return self.values(bound, {}, depth + 1) if bound is not None else None

    def _member(self, node, env: dict, depth: int) -> Values | None:
        target, prop = node.child_by_field_name("object"), node.child_by_field_name("property")
        if target is None or prop is None:
            return None
        key = text(prop)
        target = unwrap(target)
        if target.type == "new_expression" or (target.type == "identifier" and text(target) in self.imports) \
                or (target.type == "call_expression" and _callee(target) == "require"):
            return self.values(target, env, depth + 1)      # photo.src, new URL(...).href, require(...).default
        item = self.item(target, env, depth)
        if item is not None:
            pair = pair_value(item, key)
            return self.values(pair, env, depth + 1) if pair is not None else None
        found: Values = []
        for value in self.by_key.get(key, ()):                         # p.name: every `name` in the file
            got = self.values(value, {}, depth + 1)
            if got:
                found += got
        return found[:_MAX_VALUES] or None

    def item(self, node, env: dict, depth: int = 0):
        """The object literal an identifier stands for, through `env` and const bindings; else None."""
        node = unwrap(node)
        for _ in range(_MAX_DEPTH):
            node = _defaults(node)
            if node is None or node.type == "object":
                return node
            if node.type != "identifier":
                return None
            name = text(node)
            node = unwrap(env[name] if name in env else self.bindings.get(name, self.state.get(name)))
        return None

    def _call(self, node, env: dict, depth: int) -> Values | None:
        arguments = node.child_by_field_name("arguments")
        callee = _callee(node)
        function = node.child_by_field_name("function")
        if arguments is not None and function is not None and function.type == "member_expression" \
                and text(function.child_by_field_name("property") or function) == "join":
            return self._join(function.child_by_field_name("object"), arguments, env, depth)
        if arguments is None or callee not in ("require", "URL", *_WRAPPERS):
            return None
        first = next((child for child in arguments.named_children if child.type != "comment"), None)
        if callee in _WRAPPERS:             # ref("x"), computed(() => "x"): the value they wrap
            body = first.child_by_field_name("body") if first is not None and first.type == "arrow_function" \
                else first
            return self.values(body, env, depth + 1) if body is not None else None
        return [(text(first)[1:-1], line(first))] if first is not None and first.type == "string" else None

    def _join(self, receiver, arguments, env: dict, depth: int) -> Values | None:
        """`backRow.join(", ")`: the array's items joined by the separator (ECMAScript Array.prototype.join:
        "," when none is given), when the array and each item are known, one value each."""
        items = self.items(receiver, env) if receiver is not None else None
        given = next((child for child in arguments.named_children if child.type != "comment"), None)
        separator = "," if given is None else text(given)[1:-1] if given.type == "string" else None
        if items is None or separator is None:
            return None
        parts = [self.values(item, env, depth + 1) for item in items[:_MAX_VALUES]]
        if any(not got or len(got) != 1 for got in parts):
            return None
        return [(separator.join(got[0][0] for got in parts if got), line(receiver))]

    def _joined(self, parts, env: dict, depth: int, fragments: bool = False) -> Values | None:
        joined, first = "", None
        for part in parts:
            if part is None:
                return None
            got = [(text(part), line(part))] if fragments and part.type == "string_fragment" else \
                self.values(part, env, depth + 1)
            if not got or len(got) != 1:
                return None
            joined += got[0][0]
            first = first or got[0][1]
        return [(joined, first or 1)]

    def _either(self, parts, env: dict, depth: int) -> Values | None:
        found: Values = []
        for part in parts:
            got = self.values(part, env, depth + 1) if part is not None else None
            if got is None:
                return None
            found += got
        return found

    def items(self, receiver, env: dict | None = None) -> list | None:
        """The elements of the array `receiver` stands for (an array literal, through bindings), or None."""
        node = unwrap(receiver)
        env = env or {}
        for _ in range(_MAX_DEPTH):
            node = _defaults(node)
            if node is None:
                return None
            if node.type == "array":
                return [unwrap(child) for child in node.named_children if child.type != "comment"]
            if node.type == "call_expression" and _callee(node) in _OBJECT_LISTS:     # Object.values(prefects)
                arguments = node.child_by_field_name("arguments")
                first = next((child for child in arguments.named_children if child.type != "comment"), None) \
                    if arguments is not None else None
                obj = self.item(first, env) if first is not None else None
                pairs = [child for child in obj.named_children if child.type == "pair"] if obj is not None else None
                return pairs if pairs is None or _callee(node) == "Object.entries" else \
                    [unwrap(pair.child_by_field_name("value")) for pair in pairs]
            if node.type == "identifier":
                name = text(node)
                node = unwrap(env[name] if name in env else self.bindings.get(name, self.state.get(name)))
            elif node.type == "member_expression":
                target = self.item(node.child_by_field_name("object"), env)
                prop = node.child_by_field_name("property")
                node = unwrap(pair_value(target, text(prop))) if target is not None and prop is not None else None
            else:
                return None
        return None


def _defaults(node):
    """Vue's `withDefaults(defineProps<...>(), defaults)` stands for its defaults object, and a default's factory
    `() => [...]` for what it returns (Vue 3 guide, "Props": an array or object default is a factory)."""
    if node is not None and node.type == "call_expression" and _callee(node) == "withDefaults":
        arguments = node.child_by_field_name("arguments")
        given = [child for child in arguments.named_children if child.type != "comment"] if arguments else []
        return unwrap(given[1]) if len(given) == 2 else None
    if node is not None and node.type == "arrow_function" and not text(node).lstrip().startswith("async") \
            and (body := node.child_by_field_name("body")) is not None and body.type != "statement_block" \
            and not any(child.named_children for child in node.children if child.type == "formal_parameters"):
        return unwrap(body)
    return node


def _callee(call) -> str | None:
    """The name a call or `new` calls: "require", "URL"."""
    callee = call.child_by_field_name("function") or call.child_by_field_name("constructor")
    return text(callee) if callee is not None else None


def pair_value(obj, key: str):
    """The value of `key` in the object literal `obj` (a shorthand `{name}` gives its identifier)."""
    for child in obj.named_children:
        if child.type == "pair":
            name = child.child_by_field_name("key")
            if name is not None and text(name).strip("\"'`") == key:
                return child.child_by_field_name("value")
        elif child.type == "shorthand_property_identifier" and text(child) == key:
            return child
    return None


def bind(pattern, item) -> dict:
    """The names a loop parameter (`p`, `{name, img}`, `(p, i)`) binds for one array item."""
    pattern = unwrap(pattern)
    if pattern is None:
        return {}
    if pattern.type == "formal_parameters":
        first = next((child for child in pattern.named_children if child.type != "comment"), None)
        return bind(first, item) if first is not None else {}
    if pattern.type in ("required_parameter", "optional_parameter"):
        inner = pattern.child_by_field_name("pattern")
        return bind(inner, item) if inner is not None else {}
    if pattern.type == "identifier":
        return {text(pattern): item}
    if pattern.type in ("object_pattern", "object"):
        names = {}
        for child in pattern.named_children:
            if child.type in ("shorthand_property_identifier_pattern", "shorthand_property_identifier"):
                names[text(child)] = pair_value(item, text(child)) if item is not None and item.type == "object" \
                    else None
        return names
    if pattern.type in ("sequence_expression", "array_pattern", "array"):
        named = [child for child in pattern.named_children if child.type != "comment"]
        if item is not None and item.type == "pair" and pattern.type == "array_pattern":    # Object.entries
            parts = (item.child_by_field_name("key"), unwrap(item.child_by_field_name("value")))
            return {name: value for element, part in zip(named, parts, strict=False)    # [key] or [key, p]
                    for name, value in bind(element, part).items()}
        return bind(named[0], item) if named else {}
    return {}
