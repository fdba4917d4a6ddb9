"""Spot the signs: tap every warning sign in a chat or on a profile, then read why."""
