"""The Reports section (supervisors): the anonymized summary and its export ledger."""
