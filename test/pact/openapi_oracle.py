"""Independent check of PACT documents against the spec's own OpenAPI files (JSON Schema 2020-12).

Reads a JSON array of {"spec": "3.0"|"2.3", "schema": "<component name>", "instance": ...} on stdin
and prints a JSON array with, for each item, the list of validation errors (empty when valid).
Uses python-jsonschema and PyYAML, nothing of Tanji's own schemas.
"""
import json
import re
import sys

import yaml
from jsonschema import Draft202012Validator, FormatChecker


FILES = {"3.0": "v3/openapi.yaml", "2.3": "v2/openapi.yaml"}

# jsonschema checks date-time only with an optional package; RFC 3339 section 5.6 is short enough to state here
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
FORMATS = FormatChecker()


@FORMATS.checks("date-time")
def is_date_time(value):
    return not isinstance(value, str) or bool(RFC3339.match(value))


def make_validator(schema, doc):
    """jsonschema >= 4.18 resolves $ref through `referencing`; older ones (Debian's 4.10) through RefResolver."""
    try:
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012

        registry = Registry().with_resource("urn:pact", Resource.from_contents(doc, default_specification=DRAFT202012))
        return Draft202012Validator(schema, registry=registry, format_checker=FORMATS)
    except (ImportError, TypeError):
        from jsonschema import RefResolver

        return Draft202012Validator(schema, resolver=RefResolver("urn:pact", doc, store={"urn:pact": doc}), format_checker=FORMATS)


def main():
    root = sys.argv[1]
    items = json.load(sys.stdin)
    docs = {}
    for spec, path in FILES.items():
        with open(f"{root}/{path}", encoding="utf-8") as f:
            docs[spec] = yaml.safe_load(f)
    out = []
    for item in items:
        schema = {"$ref": f"urn:pact#/components/schemas/{item['schema']}"}
        doc = docs[item["spec"]]
        validator = make_validator(schema, doc)
        errors = sorted(validator.iter_errors(item["instance"]), key=lambda e: list(e.absolute_path))
        out.append([f"{'/'.join(str(p) for p in e.absolute_path) or '(document)'}: {e.message[:300]}" for e in errors])
    json.dump(out, sys.stdout)


main()
