"""Every rule of every built-in pack that targets a library applies to that library's real sources — the versions
the example package resolved, in its checkouts — as `instswift explain` tells it, leaving none it matches alone, and
the instrumented build of the example package instrumented exactly the declarations `explain` names. A library release
that renames what a pack hooks fails here, not silently in users' builds."""

import json

import yaml

from conftest import ROOT, instswift
from conftest import EXAMPLE

CHECKOUTS = EXAMPLE / ".build" / "instswift" / "checkouts"


def pack_rules():
    """(pack file, package name, rule) for every rule of a pack that names its library's package and modules."""
    for pack in sorted((ROOT / "Rules").glob("*.yml")):
        document = yaml.safe_load(pack.read_text())
        for rule in document["rules"]:
            package = (rule.get("package") or document.get("package") or {}).get("name")
            if package and rule.get("modules"):
                yield pack, package, rule


def module_sources(package, module):
    """The folder of `module` in the checkout of `package` (SwiftPM's Sources/<module>, or a custom path)."""
    checkout = next(path for path in CHECKOUTS.iterdir() if path.name.lower() == package.lower())
    for candidate in [checkout / "Sources" / module, checkout / module]:
        if candidate.is_dir():
            return candidate
    raise AssertionError(f"no sources of module {module} in {checkout}")


def explained(pack, package, version, module):
    """`instswift explain` of `pack` on `module`'s real sources, once per pack and module (it parses the whole module):
    its output, and (declaration, verdict) for each verdict line under a declaration."""
    out = instswift("explain", "--rules", str(pack), "--module", module, "--package", f"{package}@{version}",
                    str(module_sources(package, module))).stdout
    verdicts = []
    declaration = None
    for line in out.splitlines():
        if not line.startswith(" "):
            declaration = line.split(": ", 1)[1] if ": " in line else None
        else:
            verdicts.append((declaration, line.strip()))
    return out, verdicts


def test_every_pack_rule_applies_to_its_librarys_real_sources(example):
    versions = {pin["identity"]: pin["state"].get("version") for pin in json.loads((EXAMPLE / "Package.resolved").read_text())["pins"]}
    built = {(site["module"], site["declaration"], rule) for site in example["report"]["instrumented"] for rule in site["rules"]}
    explanations = {}
    checked = 0
    for pack, package, rule in pack_rules():
        modules = rule["modules"] if isinstance(rule["modules"], list) else [rule["modules"]]
        for module in modules:
            key = (pack, package, module)
            if key not in explanations:
                explanations[key] = explained(pack, package, versions[package], module)
            out, verdicts = explanations[key]
            applied = {declaration for declaration, verdict in verdicts if verdict == f"applied [{rule['id']}]"}
            assert applied, f"{pack.name}: rule {rule['id']} applies nowhere in {package} {versions[package]} ({module}):\n{out[-3000:]}"
            # No function the rule matches is left alone: that would lose the library's telemetry there (and the build
            # warns about it).
            left_alone = [verdict for _, verdict in verdicts if verdict.startswith("skipped [") and rule["id"] in verdict.split("]")[0]]
            assert not left_alone, f"{pack.name}: rule {rule['id']} matches functions it leaves alone in {package}: {left_alone}"
            # The build instrumented the same declarations (the report names them as explain does).
            in_build = {declaration for (m, declaration, r) in built if m == module and r == rule["id"]}
            assert in_build == applied, (rule["id"], sorted(applied ^ in_build))
            checked += 1
    assert checked >= 15, checked
