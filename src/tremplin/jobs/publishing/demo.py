"""Demo data of the publishing side (filled in below once the offers' demo exists)."""
