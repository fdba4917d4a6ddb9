"""My helping hand: five grown-ups the child trusts, one on each finger."""
