"""`insource standards model-contract generate|verify|seed`: the model contract from the
command line (the `standards` command delegates here).

generate CONTRACT_ID --format docx|pdf --output FILE: generate the next version for a contract
that stays outsourced (both formats are stored; the one asked for is written to FILE).
verify ID [--file FILE]: regenerate document ID from its stored clause versions and data and
print match or mismatch (exit status 1 on a mismatch); with --file, also check that file.
seed: load the shipped national clause defaults (idempotent).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from django.core.management.base import CommandError

from insource.core.audit import Actor
from insource.register.models import Contract
from insource.standards.model_contract import selectors
from insource.standards.model_contract.services import (
    ModelContractRefused,
    clause_library_seed,
    model_contract_generate,
)
from insource.standards.model_contract.verify import file_matches, model_contract_verify


def add_parser(sub) -> None:
    """The `model-contract` subcommand and its actions."""
    parser = sub.add_parser("model-contract", help="generate, verify or seed the model contract")
    actions = parser.add_subparsers(dest="mc_action", required=True)
    generate = actions.add_parser("generate", help="generate a contract's model contract")
    generate.add_argument("contract_id", type=int, metavar="CONTRACT_ID")
    generate.add_argument("--format", choices=("docx", "pdf"), default="docx")
    generate.add_argument("--output", required=True, metavar="FILE", help="where to write it")
    verify = actions.add_parser("verify", help="regenerate a stored document and compare")
    verify.add_argument("document_id", type=int, metavar="ID")
    verify.add_argument("--file", metavar="FILE", help="also check this file's SHA-256")
    actions.add_parser("seed", help="load the shipped national clause defaults")


def handle(command, opts, *, at: datetime) -> None:
    """Run the action `opts["mc_action"]` at `at` (the command reads the clock), writing to
    the command's stdout."""
    actions = {"generate": _generate, "verify": _verify, "seed": _seed}
    actions[opts["mc_action"]](command, opts, at)


def _seed(command, opts, at: datetime) -> None:
    created = clause_library_seed(at=at)
    command.stdout.write(f"{created} clause version(s) loaded; the library is up to date.")


def _generate(command, opts, at: datetime) -> None:
    contract = (
        Contract.objects.filter(pk=opts["contract_id"])
        .select_related("reviewing_authority")
        .first()
    )
    if contract is None:
        raise CommandError(
            f"There is no contract {opts['contract_id']}: check the id in the register"
        )
    try:
        document = model_contract_generate(
            authority=contract.reviewing_authority,
            contract=contract,
            user=None,
            by=Actor.system("cli"),
            at=at,
        )
    except ModelContractRefused as refused:
        raise CommandError(str(refused)) from None
    output = Path(opts["output"])
    try:
        output.write_bytes(bytes(getattr(document, opts["format"])))
    except OSError as error:
        raise CommandError(f"Cannot write {output}: {error.strerror}") from None
    command.stdout.write(
        f"model contract {document.pk} (version {document.number} for contract {contract.pk}) "
        f"written to {output}; sha256 {getattr(document, opts['format'] + '_sha256')}"
    )


def _verify(command, opts, at: datetime) -> None:
    document = selectors.model_contract_any(opts["document_id"])
    if document is None:
        raise CommandError(f"There is no model contract {opts['document_id']}")
    result = model_contract_verify(document=document)
    for fmt, ok in result.stored.items():
        command.stdout.write(
            f"stored {fmt}: {'match' if ok else 'MISMATCH'} ({getattr(document, fmt + '_sha256')})"
        )
    for fmt, ok in result.regenerated.items():
        command.stdout.write(f"regenerated {fmt}: {'match' if ok else 'MISMATCH'}")
    command.stdout.write(f"data: {'match' if result.data_intact else 'MISMATCH'}")
    for problem in result.problems:
        command.stdout.write(problem)
    _verify_file(command, document, opts.get("file"))
    if not result.is_match:
        raise CommandError(f"mismatch: model contract {document.pk} does not verify")
    command.stdout.write(f"match: model contract {document.pk} verifies")


def _verify_file(command, document, path) -> None:
    if not path:
        return
    try:
        content = Path(path).read_bytes()
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror}") from None
    fmt = file_matches(document, content)
    if fmt is None:
        raise CommandError(
            f"mismatch: {path} is not the Word or PDF file of model contract {document.pk}"
        )
    command.stdout.write(f"file {path}: match ({fmt})")
