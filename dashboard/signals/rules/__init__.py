"""One module per signal of the RULEBOOK; each declares `RULE`. The registry finds them all."""
