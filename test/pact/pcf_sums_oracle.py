"""The PCF sums of PACT v3, read from the spec's own OpenAPI file: the `x-comment` of
pcfExcludingBiogenicUptake and pcfIncludingBiogenicUptake names the fields whose sum each PCF is.

Reads a JSON array of v3 ProductFootprints on stdin; prints, for each, the list of identities that
do not hold (empty when both hold). An absent field counts as 0, as the spec's optional terms do.
"""
import json
import re
import sys
from decimal import Decimal

import yaml


def main():
    with open(f"{sys.argv[1]}/v3/openapi.yaml", encoding="utf-8") as f:
        props = yaml.safe_load(f)["components"]["schemas"]["CarbonFootprint"]["properties"]
    formulas = {}
    for total in ("pcfExcludingBiogenicUptake", "pcfIncludingBiogenicUptake"):
        comment = props[total]["x-comment"]
        terms = re.findall(r"[A-Za-z][A-Za-z0-9]*", comment.split("=", 1)[1])
        if not terms or any(t not in props for t in terms):
            raise SystemExit(f"cannot read the sum of {total} from its x-comment: {comment!r}")
        formulas[total] = terms
    out = []
    for pf in json.load(sys.stdin):
        pcf = pf["pcf"]
        problems = []
        for total, terms in formulas.items():
            expected = sum((Decimal(pcf.get(t, "0")) for t in terms), Decimal(0))
            if abs(Decimal(pcf[total]) - expected) > Decimal("1e-9"):
                problems.append(f"{pf['id']}: {total} {pcf[total]} != {' + '.join(terms)} = {expected}")
        out.append(problems)
    json.dump(out, sys.stdout)


main()
