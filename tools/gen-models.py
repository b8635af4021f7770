#!/usr/bin/env python3
"""Generate Sources/ECSCommands/Model/Generated/<Service>Model.swift from botocore's service models.

Rerun by hand after upgrading botocore (output is committed):

    python3 tools/gen-models.py            # writes the Swift files
    python3 tools/gen-models.py --names    # prints "Name cli-name" lines: every operation and
                                           # top-level member name (xform_name test fixture)

Each Swift file holds one raw string literal of compact JSON (fast to compile) read by
ServiceModel.swift:

    {"cli": "ecs", "api": "2014-11-13", "ops": [[Name, InputShapeOrEmpty, doc], [Name], ...],
     "pag": {Op: [inputToken..., limitKey]}, "shapes": {Name: {"t": type, "m": [[member, shape, doc,
     tok]], "r": [required], "e": [enum], "min": n, "max": n, "mem": shape, "k": shape, "v": shape}}}

Operations listed with shapes below get their input shape tree; every other operation only its
name (for did-you-mean, help and completion). Generated/AllServices.swift lists every service of
the real CLI, so commands for services we do not simulate get a clear message.

Size and compile time (botocore 1.43.11): ~340 KB of Swift in total; touching all generated files
costs ~3.4 s of incremental debug build on the 2-core machine.
"""
import html
import json
import os
import re
import sys

import botocore.session

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "ECSCommands", "Model", "Generated")

ALL = "*"
# (botocore service name, CLI name, Swift type prefix, operations with full shapes)
SERVICES = [
    ("ecs", "ecs", "ECS", ALL),
    ("ecr", "ecr", "ECR", ALL),
    ("elbv2", "elbv2", "ELBv2", ALL),
    ("ec2", "ec2", "EC2", [
        "DescribeVpcs", "DescribeSubnets", "DescribeSecurityGroups", "CreateSecurityGroup",
        "AuthorizeSecurityGroupIngress", "RevokeSecurityGroupIngress", "DeleteSecurityGroup",
        "RunInstances", "TerminateInstances", "DescribeInstances", "DescribeNetworkInterfaces",
        "CreateVpc", "CreateSubnet", "DescribeAvailabilityZones", "DescribeRouteTables",
        "DescribeInternetGateways", "DescribeNatGateways", "DescribeImages",
        "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupEgress", "CreateTags",
        "StopInstances", "StartInstances", "DescribeInstanceStatus", "DescribeSecurityGroupRules",
        # VPC egress (issue 8)
        "DeleteVpc", "ModifyVpcAttribute", "DescribeVpcAttribute", "DeleteSubnet",
        "ModifySubnetAttribute", "CreateRouteTable", "DeleteRouteTable", "CreateRoute",
        "DeleteRoute", "ReplaceRoute", "AssociateRouteTable", "DisassociateRouteTable",
        "CreateInternetGateway", "AttachInternetGateway", "DetachInternetGateway",
        "DeleteInternetGateway", "AllocateAddress", "ReleaseAddress", "DescribeAddresses",
        "CreateNatGateway", "DeleteNatGateway", "CreateVpcEndpoint", "DescribeVpcEndpoints",
        "DeleteVpcEndpoints", "ModifyVpcEndpoint", "DescribeNetworkAcls",
    ]),
    ("iam", "iam", "IAM", [
        "CreateRole", "GetRole", "ListRoles", "DeleteRole", "AttachRolePolicy",
        "DetachRolePolicy", "ListAttachedRolePolicies", "PutRolePolicy", "GetRolePolicy",
        "DeleteRolePolicy", "ListRolePolicies", "CreatePolicy", "GetPolicy", "DeletePolicy",
        "ListPolicies", "GetPolicyVersion", "CreateServiceLinkedRole", "CreateInstanceProfile",
        "AddRoleToInstanceProfile", "RemoveRoleFromInstanceProfile", "GetInstanceProfile",
        "DeleteInstanceProfile", "ListInstanceProfiles", "UpdateAssumeRolePolicy",
        "SimulatePrincipalPolicy", "SimulateCustomPolicy", "CreatePolicyVersion",
        "ListPolicyVersions", "ListEntitiesForPolicy",
        # issue 13
        "UpdateRole", "UpdateRoleDescription", "TagRole", "UntagRole", "ListRoleTags",
        "TagInstanceProfile", "UntagInstanceProfile", "ListInstanceProfileTags",
        "ListInstanceProfilesForRole", "SetDefaultPolicyVersion", "DeletePolicyVersion",
        "DeleteServiceLinkedRole", "GetServiceLinkedRoleDeletionStatus",
    ]),
    ("ssm", "ssm", "SSM", ["GetParameter", "GetParameters", "PutParameter", "DeleteParameter",
                           "GetParametersByPath", "DescribeParameters",
                           # issue 13
                           "DeleteParameters", "GetParameterHistory", "LabelParameterVersion",
                           "UnlabelParameterVersion"]),
    ("sts", "sts", "STS", ["GetCallerIdentity", "AssumeRole"]),
    ("logs", "logs", "Logs", ["CreateLogGroup", "DescribeLogGroups", "DeleteLogGroup",
                              "GetLogEvents", "FilterLogEvents", "DescribeLogStreams",
                              "CreateLogStream", "PutRetentionPolicy",
                              # issue 13
                              "DeleteRetentionPolicy", "DeleteLogStream", "PutLogEvents",
                              "TagResource", "UntagResource", "ListTagsForResource",
                              "TagLogGroup", "UntagLogGroup", "ListTagsLogGroup"]),
    ("secretsmanager", "secretsmanager", "SecretsManager", [
        "CreateSecret", "GetSecretValue", "DescribeSecret", "DeleteSecret", "ListSecrets",
        "PutSecretValue", "UpdateSecret"]),
    ("application-autoscaling", "application-autoscaling", "ApplicationAutoScaling", [
        "RegisterScalableTarget", "DescribeScalableTargets", "PutScalingPolicy",
        "DescribeScalingPolicies", "DeregisterScalableTarget", "DeleteScalingPolicy",
        "DescribeScalingActivities"]),
    ("acm", "acm", "ACM", [
        "RequestCertificate", "ImportCertificate", "DescribeCertificate", "ListCertificates",
        "DeleteCertificate"]),
    ("s3", "s3api", "S3", [
        "CreateBucket", "DeleteBucket", "ListBuckets", "HeadBucket", "ListObjectsV2", "GetObject",
        "PutObject", "DeleteObject", "HeadObject"]),
    ("dynamodb", "dynamodb", "DynamoDB", [
        "CreateTable", "DescribeTable", "ListTables", "PutItem", "GetItem", "Scan", "DeleteTable",
        "DeleteItem"]),
]

# Swift property names for each service's JSON text.
VARS = {
    "ecs": "ecs", "ecr": "ecr", "elbv2": "elbv2", "ec2": "ec2", "iam": "iam", "ssm": "ssm",
    "sts": "sts", "logs": "logs", "secretsmanager": "secretsManager",
    "application-autoscaling": "applicationAutoScaling", "acm": "acm", "s3api": "s3",
    "dynamodb": "dynamoDB",
}

_TAG = re.compile(r"<[^>]+>")
_INLINE_TAG = re.compile(r"</?(code|i|b|a|em|strong|note)(\s[^>]*)?>")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9\)\]\"'`])\.(\s|$)")


def first_sentence(doc):
    """The first sentence of botocore HTML documentation, tags stripped, at most 200 chars."""
    if not doc:
        return ""
    # Inline tags vanish; block tags separate words.
    text = _INLINE_TAG.sub("", doc)
    text = html.unescape(_TAG.sub(" ", text))
    text = " ".join(text.split())
    m = _SENTENCE_END.search(text)
    if m:
        text = text[: m.start() + 1]
    if len(text) > 200:
        cut = text[:199].rsplit(" ", 1)[0]
        text = cut + "…"
    return text


def shape_json(shape, shapes, top_level):
    """Adds `shape` and the shapes it reaches to `shapes` (by name)."""
    if shape.name in shapes:
        return
    t = shape.type_name
    d = {"t": t}
    shapes[shape.name] = d
    md = shape.metadata
    if "min" in md:
        d["min"] = md["min"]
    if "max" in md:
        d["max"] = md["max"]
    if getattr(shape, "enum", None):
        d["e"] = list(shape.enum)
    if t == "structure":
        members = []
        for name, member in shape.members.items():
            entry = [name, member.name]
            doc = first_sentence(member.documentation) if top_level else ""
            tok = 1 if member.metadata.get("idempotencyToken") else 0
            if doc or tok:
                entry.append(doc)
            if tok:
                entry.append(tok)
            members.append(entry)
        d["m"] = members
        if shape.required_members:
            d["r"] = list(shape.required_members)
        if md.get("document"):
            d["doc"] = 1
        if md.get("union"):
            d["union"] = 1
        for member in shape.members.values():
            shape_json(member, shapes, False)
    elif t == "list":
        d["mem"] = shape.member.name
        shape_json(shape.member, shapes, False)
    elif t == "map":
        d["k"] = shape.key.name
        d["v"] = shape.value.name
        shape_json(shape.key, shapes, False)
        shape_json(shape.value, shapes, False)


def service_json(session, service, cli, full):
    model = session.get_service_model(service)
    ops = []
    shapes = {}
    for name in model.operation_names:
        op = model.operation_model(name)
        if full == ALL or name in full:
            inp = op.input_shape
            ops.append([name, inp.name if inp is not None else "", first_sentence(op.documentation)])
            if inp is not None:
                # Input structures carry member docs; nested ones reached first would not.
                shapes.pop(inp.name, None)
                shape_json(inp, shapes, True)
        else:
            ops.append([name])
    if full != ALL:
        missing = [n for n in full if n not in model.operation_names]
        if missing:
            sys.exit(f"{service}: unknown operations {missing}")
    pag = {}
    try:
        paginators = session.get_paginator_model(service)._paginator_config
    except Exception:
        paginators = {}
    for name, cfg in sorted(paginators.items()):
        tokens = cfg.get("input_token", [])
        if isinstance(tokens, str):
            tokens = [tokens]
        limit = cfg.get("limit_key")
        pag[name] = list(tokens) + ([limit] if limit else [])
    return {"cli": cli, "api": model.api_version, "ops": ops, "pag": pag, "shapes": shapes}


def main():
    session = botocore.session.get_session()
    if "--names" in sys.argv:
        from botocore import xform_name
        names = set()
        for service, cli, _, _ in SERVICES:
            model = session.get_service_model(service)
            for name in model.operation_names:
                names.add(name)
                inp = model.operation_model(name).input_shape
                if inp is not None:
                    names.update(inp.members)
        for name in sorted(names):
            print(name, xform_name(name, "-"))
        return
    os.makedirs(OUT, exist_ok=True)
    total = 0
    for service, cli, prefix, full in SERVICES:
        data = service_json(session, service, cli, full)
        text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
        if '"#' in text:
            sys.exit(f"{service}: JSON contains the raw-string delimiter")
        swift = (
            f"// Generated by tools/gen-models.py from botocore {botocore.__version__}"
            f" ({service} {data['api']}). Do not edit.\n"
            "// swift-format-ignore-file\n\n"
            "extension ServiceModel {\n"
            f"  static let {VARS[cli]}JSON = #\"{text}\"#\n"
            "}\n"
        )
        path = os.path.join(OUT, f"{prefix}Model.swift")
        with open(path, "w") as f:
            f.write(swift)
        total += len(swift)
        print(f"{path}: {len(swift)} bytes, {len(data['ops'])} operations, {len(data['shapes'])} shapes")
    # Every service the real CLI offers, so `aws s3 ...` can say "not simulated" rather than
    # "invalid choice". awscli adds a few commands of its own (s3, configure, ...).
    names = sorted(set(session.get_available_services()) | {"s3", "configure", "deploy", "history"})
    swift = (
        f"// Generated by tools/gen-models.py from botocore {botocore.__version__}. Do not edit.\n"
        "// swift-format-ignore-file\n\n"
        "extension ServiceModel {\n"
        "  /// CLI names of every service the real AWS CLI has.\n"
        f"  public static let allAWSServiceNames: Set<String> = [{', '.join(json.dumps(n) for n in names)}]\n"
        "}\n"
    )
    with open(os.path.join(OUT, "AllServices.swift"), "w") as f:
        f.write(swift)
    print(f"total {total} bytes")


if __name__ == "__main__":
    main()
