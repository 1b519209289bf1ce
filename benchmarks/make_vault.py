"""Make a synthetic vault for benchmarks and reports, from a fixed seed.

    python -m benchmarks.make_vault --data-dir DIR --clients 10000 --notes-per-client 20 \
        --seed 7 --passphrase-stdin

Everything is invented: aliases are code words, notes are stitched from neutral phrases.
The vault is created by the app itself (schema, keys, pragmas) in a child process; the rows
then go in with bulk inserts on a keyed connection to the same file, so FTS triggers and
encryption are exactly the app's. The child keeps the loading apart from the caller's process:
SQLCipher's cipher_memory_security is process-wide, and with it on bulk loading is ~20x slower.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from advocate_app.store import models
from advocate_app.store.engine import connect_keyed
from advocate_app.store.keyslots import KeysFile
from advocate_app.store.pmt_form import DECLINED, current_form
from advocate_app.store.sorting import sort_fold
from advocate_app.store.vault import Vault
from advocate_app.store.vocab import (
    AGE_GROUPS,
    ANONYMOUS_CONTACT_KINDS,
    APPOINTMENT_KINDS,
    NEED_CATEGORIES,
    NEED_STATUSES,
    NOTE_KINDS,
    RESOURCE_CATEGORIES,
    TRAFFICKING_TYPES,
)
from benchmarks.realistic_notes import RealisticNotes

WORDS = (
    "amber birch cedar delta ember fern grove harbor iris juniper kestrel linden maple "
    "nova opal pine quill river sage thistle umber violet willow yarrow zephyr"
).split()
PHRASES = [
    "Called at the agreed safe time.",
    "Discussed housing options and the waiting list.",
    "Client asked about the driver's license restoration fees.",
    "Provided bus passes for next week's appointments.",
    "Accompanied client to the courthouse; hearing was continued.",
    "Reviewed the protective order process and what to expect.",
    "Referred to legal aid for the T visa consultation, with a signed release.",
    "Client declined shelter for now; will revisit if things change.",
    "Childcare subsidy application submitted together.",
    "Connected with the peer support group that meets on Thursdays.",
    "Interpreter joined by phone for the whole call.",
    "Followed up on the birth certificate request.",
    "Left no message, as agreed.",
    "Client reports the employer still holds her passport.",
    "Explained victim compensation and helped start the form.",
    "Transportation arranged through the county for the medical visit.",
    "Recovery program intake scheduled; client chose the evening group.",
    "Safety planning done; plan kept by the client.",
    "Employment office visit: résumé drafted, two applications sent.",
    "Checked in after the hearing; client is resting and has food for the week.",
]


def _alias(rng: random.Random, i: int) -> str:
    return f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)[0].upper()}{i}"


def phrase_note(rng: random.Random) -> str:
    return " ".join(rng.choice(PHRASES) for _ in range(rng.randint(2, 6)))


def _answer(rng: random.Random, codes: list[str], *, many: int = 1) -> str | None:
    """An optional answer as the vault stores it: often not asked, sometimes declined."""
    roll = rng.random()
    if roll < 0.15:
        return None
    if roll < 0.2:
        return DECLINED
    picked = rng.sample(codes[:8], rng.randint(1, many)) if many > 1 else [rng.choice(codes)]
    return ",".join(sorted(picked))


def _voca_answers(rng: random.Random) -> dict[str, object]:
    form = current_form()
    common = [t.code for t in form.victimization_types if t.common] + [
        t.code for t in form.victimization_types if not t.common
    ]
    return {
        "gender_identity": _answer(rng, [g.code for g in form.gender_identity]),
        "race_ethnicity": _answer(rng, [r.code for r in form.race_ethnicity], many=2),
        "victimization_types": _answer(rng, common, many=3),
        "special_classifications": (
            None
            if rng.random() < 0.5
            else _answer(rng, [c.code for c in form.special_classifications], many=2)
        ),
    }


# The services advocates tick most, first: drawn with falling weights.
def _service_weights() -> tuple[list[str], list[float]]:
    form = current_form()
    favourites = [
        "crisis_intervention",
        "individual_advocacy",
        "referral_other_services",
        "transportation",
        "info_justice_process",
        "info_victim_rights",
        "criminal_advocacy",
        "relocation",
        "hotline_counseling",
        "protective_order",
    ]
    rest = [s.code for s in form.services if s.code not in favourites]
    codes = favourites + rest
    return codes, [1.0 / (rank**1.2) for rank in range(1, len(codes) + 1)]


def _sql_value(value: object) -> object:
    # Stored the way SQLAlchemy's SQLite types store them.
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    return value


def fill(
    conn: Any,
    user_id: str,
    *,
    clients: int,
    notes_per_client: int,
    seed: int,
    progress: bool = True,
    corpus: str = "phrases",
) -> dict[str, int]:
    """Bulk-load synthetic rows through a keyed DB-API connection to a fresh vault.

    `corpus`: "phrases" (twenty neutral sentences reused) or "realistic" (see RealisticNotes).
    """
    rng = random.Random(seed)
    note_text = (
        RealisticNotes(random.Random(seed + 1))
        if corpus == "realistic"
        else (lambda: phrase_note(rng))
    )
    today = date.today()
    start = today - timedelta(days=3 * 365)
    counts: dict[str, int] = {}
    batch = 2000
    existing = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    with_voca = "note_services" in existing  # the schema has the VOCA fields (0007 on)
    voca_rng = random.Random(seed + 2)  # its own stream: the older rows stay as they were

    def flush(table, rows: list[dict]) -> None:  # type: ignore[no-untyped-def]
        if not rows:
            return
        columns = list(rows[0])
        sql = (
            f"INSERT INTO {table.name} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})"
        )
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(sql, [tuple(_sql_value(r[c]) for c in columns) for r in rows])
        conn.execute("COMMIT")
        counts[table.name] = counts.get(table.name, 0) + len(rows)
        rows.clear()

    client_rows: list[dict] = []
    intake: dict[int, date] = {}
    for i in range(1, clients + 1):
        d = start + timedelta(days=rng.randint(0, (today - start).days))
        intake[i] = d
        closed = rng.random() < 0.35
        alias = _alias(rng, i)
        client_rows.append(
            {
                "id": i,
                "alias": alias,
                # Kept by the model for the app's own writes; a bulk insert must give it, or the
                # list sorted by alias is in no order and its pages stop after the first.
                "alias_sort": sort_fold(alias),
                "intake_date": d,
                "age_group": rng.choice(list(AGE_GROUPS)),
                "trafficking_type": rng.choice(list(TRAFFICKING_TYPES)),
                "preferred_language": rng.choice(
                    ["English", "Spanish", "English", "Haitian Creole"]
                ),
                "interpreter_needed": rng.random() < 0.2,
                "assigned_user_id": user_id,
                "status": "closed" if closed else "open",
                "closed_on": d + timedelta(days=rng.randint(30, 300)) if closed else None,
                "created_at": datetime.combine(d, datetime.min.time()),
                "last_contact_at": None,
                **(_voca_answers(voca_rng) if with_voca else {}),
            }
        )
        if len(client_rows) >= batch:
            flush(models.Client.__table__, client_rows)
    flush(models.Client.__table__, client_rows)

    note_rows: list[dict] = []
    started = time.perf_counter()
    now = datetime.now()
    for cid in range(1, clients + 1):
        # Within 400 days of the intake, and never after now: notes dated in the future made
        # every client look recently contacted (Today's lists, the list sorted by last contact).
        span = min(400, (today - intake[cid]).days)
        for _ in range(notes_per_client):
            when = datetime.combine(intake[cid], datetime.min.time()) + timedelta(
                days=rng.randint(0, span), minutes=rng.randint(0, 600)
            )
            when = min(when, now)
            note_rows.append(
                {
                    "client_id": cid,
                    "author_id": user_id,
                    "created_at": when,
                    "kind": rng.choice(list(NOTE_KINDS)),
                    "body": note_text(),
                    "edited_at": None,
                }
            )
        if len(note_rows) >= batch:
            flush(models.Note.__table__, note_rows)
            if progress and cid % 1000 == 0:
                print(
                    f"  {counts.get('notes', 0):,} notes ({time.perf_counter() - started:.0f} s)",
                    file=sys.stderr,
                )
    flush(models.Note.__table__, note_rows)
    conn.execute(
        "UPDATE clients SET last_contact_at = "
        "(SELECT max(created_at) FROM notes WHERE notes.client_id = clients.id)"
    )

    contact_rows = [
        {
            "contact_date": start + timedelta(days=rng.randint(0, (today - start).days)),
            "kind": rng.choice(list(ANONYMOUS_CONTACT_KINDS)),
            "minutes": rng.randint(5, 90),
            "topics": "information",
            "author_id": user_id,
            "created_at": datetime.now(),
        }
        for _ in range(clients // 2)
    ]
    if with_voca:
        for row in contact_rows:
            row["services"] = (
                "hotline_counseling,referral_other_services" if voca_rng.random() < 0.6 else ""
            )
    flush(models.AnonymousContact.__table__, contact_rows)

    if with_voca:
        # Most notes record one to three services, dated by the note.
        codes, weights = _service_weights()
        service_rows: list[dict] = []
        for note_id, cid, created in conn.execute(
            "SELECT id, client_id, created_at FROM notes ORDER BY id"
        ).fetchall():
            if voca_rng.random() < 0.3:
                continue
            picked = set(voca_rng.choices(codes, weights=weights, k=voca_rng.randint(1, 3)))
            for code in sorted(picked):
                service_rows.append(
                    {
                        "note_id": note_id,
                        "client_id": cid,
                        "service": code,
                        "given_on": str(created)[:10],
                    }
                )
            if len(service_rows) >= batch:
                flush(models.NoteService.__table__, service_rows)
        flush(models.NoteService.__table__, service_rows)

    if "need_items" in existing:
        need_rows: list[dict] = []
        change_rows: list[dict] = []
        need_id = 0
        for cid in range(1, clients + 1):
            for category in rng.sample(list(NEED_CATEGORIES), rng.randint(1, 4)):
                need_id += 1
                status = rng.choice(list(NEED_STATUSES))
                opened = intake[cid] + timedelta(days=rng.randint(0, 30))
                need_rows.append(
                    {
                        "id": need_id,
                        "client_id": cid,
                        "category": category,
                        "label": f"{NEED_CATEGORIES[category]} support",
                        "status": status,
                        "priority": rng.choice(["high", "medium", "low", None]),
                        "next_step": "",
                        "due_date": opened + timedelta(days=rng.randint(-10, 60)),
                        "note_line": "",
                        "resource_name": None,
                        "template_item_id": None,
                        "created_at": datetime.combine(opened, datetime.min.time()),
                        "updated_at": datetime.combine(opened, datetime.min.time()),
                    }
                )
                change_rows.append(
                    {
                        "need_item_id": need_id,
                        "client_id": cid,
                        "status": "not_started",
                        "changed_on": opened,
                        "changed_at": datetime.combine(opened, datetime.min.time()),
                        "user_id": user_id,
                    }
                )
                if status != "not_started":
                    later = opened + timedelta(days=rng.randint(1, 90))
                    change_rows.append(
                        {
                            "need_item_id": need_id,
                            "client_id": cid,
                            "status": status,
                            "changed_on": later,
                            "changed_at": datetime.combine(later, datetime.min.time()),
                            "user_id": user_id,
                        }
                    )
            if len(need_rows) >= batch:
                flush(models.NeedItem.__table__, need_rows)
                flush(models.NeedStatusChange.__table__, change_rows)
        flush(models.NeedItem.__table__, need_rows)
        flush(models.NeedStatusChange.__table__, change_rows)

    if "appointments" in existing:
        appt_rows = []
        for cid in range(1, clients + 1):
            for _ in range(rng.randint(0, 3)):
                when = datetime.combine(intake[cid], datetime.min.time()) + timedelta(
                    days=rng.randint(0, 500), hours=rng.randint(8, 16)
                )
                appt_rows.append(
                    {
                        "client_id": cid,
                        "starts_at": when,
                        "kind": rng.choice(list(APPOINTMENT_KINDS)),
                        "place": "",
                        "accompanied": rng.random() < 0.6,
                        "outcome": None,
                        "created_at": datetime.now(),
                    }
                )
            if len(appt_rows) >= batch:
                flush(models.Appointment.__table__, appt_rows)
        flush(models.Appointment.__table__, appt_rows)

    if "referrals" in existing:
        referral_rows = []
        for cid in range(1, clients + 1):
            for _ in range(rng.randint(0, 2)):
                on = intake[cid] + timedelta(days=rng.randint(0, 200))
                category = rng.choice(list(RESOURCE_CATEGORIES))
                referral_rows.append(
                    {
                        "client_id": cid,
                        "referred_on": on,
                        "need_item_id": None,
                        "resource_id": None,
                        "resource_name": f"Synthetic {category} program",
                        "resource_category": category,
                        "created_at": datetime.now(),
                    }
                )
            if len(referral_rows) >= batch:
                flush(models.Referral.__table__, referral_rows)
        flush(models.Referral.__table__, referral_rows)

    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return counts


def _create(folder: Path, office: str, passphrase: str, kdf_seconds: float) -> None:
    vault, _recovery = Vault.create(
        folder,
        office_name=office,
        user_name="Bench",
        passphrase=passphrase,
        kdf_target_seconds=kdf_seconds,
        check_strength=False,
    )
    vault.close()


def fill_folder(folder: Path, passphrase: str, **kwargs: Any) -> dict[str, int]:
    """Open the vault file with its key (no engine) and bulk-load it."""
    keys = KeysFile.load(folder)
    slot = keys.passphrase_slots()[0]
    assert slot.user_id is not None
    data_key = keys.unwrap_with_passphrase(slot.user_id, passphrase)
    conn = connect_keyed(folder / "vault.db", data_key, check=False)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = 2")
        conn.execute("PRAGMA cache_size = -65536")
        return fill(conn, slot.user_id, **kwargs)
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--notes-per-client", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--corpus",
        choices=("phrases", "realistic"),
        default="phrases",
        help="phrase-reuse notes (default) or realistic varied notes",
    )
    parser.add_argument("--passphrase-stdin", action="store_true")
    parser.add_argument("--office", default="Synthetic Benchmark Office")
    parser.add_argument(
        "--kdf-seconds",
        type=float,
        default=0.0,
        help="Argon2 calibration target (0: the floor, for speed)",
    )
    args = parser.parse_args(argv)
    passphrase = (
        sys.stdin.readline().rstrip("\n")
        if args.passphrase_stdin
        else "synthetic benchmark vault lantern 42"
    )
    started = time.perf_counter()
    folder = Path(args.data_dir)
    ctx = multiprocessing.get_context("spawn")
    child = ctx.Process(target=_create, args=(folder, args.office, passphrase, args.kdf_seconds))
    child.start()
    child.join()
    if child.exitcode != 0:
        print("could not create the vault", file=sys.stderr)
        return 1
    counts = fill_folder(
        folder,
        passphrase,
        clients=args.clients,
        notes_per_client=args.notes_per_client,
        seed=args.seed,
        corpus=args.corpus,
    )
    print(
        f"made {args.data_dir} in {time.perf_counter() - started:.1f} s: "
        + ", ".join(f"{v:,} {k}" for k, v in sorted(counts.items()))
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
