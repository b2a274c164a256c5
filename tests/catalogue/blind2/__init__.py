"""The second blind batch (written 2026-12-02): like ``blind/``, from the contract, the reference, the stubs and
the existing catalogue's mutants only, by helpers that had not read the graders or the harness."""
