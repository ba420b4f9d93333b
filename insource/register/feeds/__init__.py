"""National feeds the register pulls from: Find a Tender (the Central Digital Platform)."""
