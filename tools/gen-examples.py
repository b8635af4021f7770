#!/usr/bin/env python3
"""Extract the AWS CLI's own example pages into Tests/ECSTutorTests/Generated/CLIExamples.swift.

Rerun by hand after upgrading awscli (output is committed):

    python3 tools/gen-examples.py

The pages are awscli/examples/SERVICE/OPERATION.rst of the installed awscli package (what
`aws ecs create-service help` prints under EXAMPLES). A page holds one or more examples: a literal
block whose first line starts with `aws `, usually followed by an `Output::` block. For each one the
fixture keeps the service, the operation, the page, the command exactly as written (continuation
lines joined with a space, the `\\` dropped) and the documented output parsed as JSON (null when the
page shows none or shows text; a few pages print JSON with a missing comma, which is repaired and
marked), and the files the command reads with `file://` where the page shows them (a block
introduced by a sentence naming the file). The Swift file holds one raw string literal, one example per line, read by
CLIExamplesTests.swift.

Families (FAMILIES below, the one list): every page of ecs, ecr, logs, sts and
application-autoscaling; of iam the roles, policies and instance profiles; of ssm the parameters;
of secretsmanager the secrets and their values; elbv2 whole; of ec2 the VPC part (VPCs, subnets,
route tables, gateways, addresses, endpoints, security groups; the parts of those services the
tutor simulates); the waiters' pages (SERVICE/wait/NAME.rst) of those.
"""
import json
import os
import re

import awscli

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "ECSTutorTests", "Generated", "CLIExamples.swift")
EXAMPLES = os.path.join(os.path.dirname(awscli.__file__), "examples")

# THE list of families (the test reads the families from the fixture, in this order; a family
# added here joins the report and needs a floor in CLIExamplesTests.floors).
# (service directory, which operations: a regular expression on the page name, or None for all;
# the waiters' pages under SERVICE/wait/ count as `wait NAME`)
FAMILIES = [
    ("ecs", None),
    ("ecr", None),
    ("logs", None),
    ("ssm", r"parameter"),
    ("iam", r"(^|-)(role|roles|instance-profile|instance-profiles)(-|$)"
            r"|^(create|delete|get|list)-polic(y|ies)(-version|-versions)?$"
            r"|^set-default-policy-version$|^list-entities-for-policy$|^simulate-principal-policy$"
            r"|^delete-policy-version$|^policy-exists$"),
    ("sts", None),
    ("application-autoscaling", None),
    ("secretsmanager", r"^(create|delete|describe|restore)-secret$|^(get|put)-secret-value$|^list-secrets$"),
    ("elbv2", None),
    # The VPC part of EC2 the tutor simulates: VPCs, subnets, route tables and routes, internet and
    # NAT gateways, Elastic IP addresses, endpoints, security groups, network interfaces and ACLs
    # (described), and their waiters.
    ("ec2", r"^(create|delete)-(vpc|subnet|route-table|route|internet-gateway|nat-gateway|security-group"
            r"|vpc-endpoint)$|^delete-vpc-endpoints$"
            r"|^describe-(vpcs|subnets|route-tables|internet-gateways|nat-gateways|addresses"
            r"|security-groups|security-group-rules|vpc-endpoints|network-acls|network-interfaces"
            r"|vpc-attribute)$"
            r"|^modify-(vpc|subnet)-attribute$|^modify-vpc-endpoint$|^replace-route$"
            r"|^(associate|disassociate)-route-table$|^(attach|detach)-internet-gateway$"
            r"|^(allocate|release)-address$|^(authorize|revoke)-security-group-(ingress|egress)$"
            r"|^(vpc-available|vpc-exists|subnet-available|internet-gateway-exists"
            r"|nat-gateway-available|nat-gateway-deleted)$"),
]


def blocks(text):
    """Literal blocks of a page: (the paragraph line that introduced it, its dedented lines)."""
    lines = text.splitlines()
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.rstrip().endswith("::"):
            intro = line.strip()
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            body = []
            while j < len(lines) and (not lines[j].strip() or lines[j][:1] in " \t"):
                body.append(lines[j])
                j += 1
            while body and not body[-1].strip():
                body.pop()
            if body:
                indent = min(len(l) - len(l.lstrip()) for l in body if l.strip())
                out.append((intro, [l[indent:] for l in body]))
            i = j
        else:
            i += 1
    return out


def part_of(line):
    """A command line without its continuation `\\` and surrounding blanks."""
    line = line.rstrip()
    return (line[:-1].rstrip() if line.endswith("\\") else line).strip()


def joined_commands(lines):
    """The commands of a block: `\\` continuation lines joined, one string per command."""
    commands = []
    current = None
    for raw in lines:
        line = raw.rstrip()
        if current is None:
            # A page that forgot a `\\` before the next option's line: the option still belongs to
            # the command (ec2/revoke-security-group-ingress).
            if line.lstrip().startswith("--") and commands:
                commands[-1] += " " + part_of(line)
                continue
            if not line.startswith("aws "):
                continue
            current = ""
        part = part_of(line)
        current = (current + " " + part) if current else part
        if not line.endswith("\\"):
            commands.append(current)
            current = None
    if current:
        commands.append(current)
    return commands


VALUE_END = re.compile(r'("|\d|true|false|null|\}|\])\s*$')


def parse_output(lines):
    """The documented JSON, or (None, False) when the block is not JSON. Repairs missing commas."""
    text = "\n".join(lines)
    if not text.lstrip().startswith(("{", "[")):
        return None, False
    try:
        return json.loads(text), False
    except ValueError:
        pass
    fixed = []
    for i, line in enumerate(lines):
        nxt = next((l for l in lines[i + 1:] if l.strip()), "")
        if VALUE_END.search(line) and nxt.lstrip().startswith(('"', "{", "[")):
            line = line.rstrip() + ","
        fixed.append(line)
    try:
        return json.loads("\n".join(fixed)), True
    except ValueError:
        return None, False


def examples(service, page):
    with open(os.path.join(EXAMPLES, service, page), encoding="utf-8") as f:
        text = f.read()
    result = []
    page_blocks = blocks(text)
    # Files a command reads (file://NAME) whose contents the page shows: a block introduced by a
    # sentence naming ``NAME``.
    shown = {}
    for intro, lines in page_blocks:
        if lines[0].startswith("aws ") or intro.lower().startswith("output"):
            continue
        for name in re.findall(r"``([^`]+)``", intro):
            shown.setdefault(os.path.basename(name), "\n".join(lines) + "\n")
    for intro, lines in page_blocks:
        if intro.lower().startswith("output") and result and "output" not in result[-1]:
            out, repaired = parse_output(lines)
            if out is not None:
                result[-1]["output"] = out
                if repaired:
                    result[-1]["repaired"] = True
            continue
        for command in joined_commands(lines):
            words = command.split()
            if len(words) < 3 or words[1] != service:
                continue
            operation = words[2] + (" " + words[3] if words[2] == "wait" and len(words) > 3 else "")
            row = {"service": service, "operation": operation, "page": f"{service}/{page}",
                   "command": command}
            files = {path: shown[os.path.basename(path)]
                     for path in re.findall(r"file://([^\s\"']+)", command)
                     if os.path.basename(path) in shown}
            if files:
                row["files"] = files
            result.append(row)
    return result


def main():
    rows = []
    for service, pattern in FAMILIES:
        folder = os.path.join(EXAMPLES, service)
        if not os.path.isdir(folder):
            continue
        pages = sorted(os.listdir(folder))
        if os.path.isdir(os.path.join(folder, "wait")):
            pages += ["wait/" + p for p in sorted(os.listdir(os.path.join(folder, "wait")))]
        for page in pages:
            if not page.endswith(".rst"):
                continue
            if pattern and not re.search(pattern, os.path.basename(page)[:-4]):
                continue
            rows.extend(examples(service, page))
    # An example without a documented output still counts (accepted or not); mark it explicitly.
    lines = []
    for row in rows:
        row.setdefault("output", None)
        lines.append(json.dumps(row, separators=(",", ":"), ensure_ascii=False, sort_keys=False))
    body = "\n".join(lines)
    delimiter = "#"
    while f'"""{delimiter}' in body or f'"{delimiter}' in body:
        delimiter += "#"
    version = awscli.__version__
    counts = {}
    for row in rows:
        counts[row["service"]] = counts.get(row["service"], 0) + 1
    summary = ", ".join(f"{k} {v}" for k, v in counts.items())
    swift = f"""// Generated by tools/gen-examples.py from awscli {version}'s example pages
// (awscli/examples/SERVICE/OPERATION.rst). Do not edit; rerun the generator.
// swift-format-ignore-file
//
// Source: the AWS CLI, https://github.com/aws/aws-cli (awscli/examples), Copyright Amazon.com, Inc.
// or its affiliates. Licensed under the Apache License, Version 2.0
// (https://www.apache.org/licenses/LICENSE-2.0).
//
// {len(rows)} examples: {summary}.
// One JSON object a line: service, operation, page, command (continuation lines joined),
// output (the documented JSON or null), files (what the page shows of the files the command reads
// with file://), repaired (the page's JSON needed a missing comma).

/// The AWS CLI's example commands and their documented output, one JSON object a line.
let cliExamplesJSONLines = {delimiter}\"\"\"
{body}
\"\"\"{delimiter}
"""
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(swift)
    print(f"wrote {OUT}: {len(rows)} examples ({summary})")


if __name__ == "__main__":
    main()
