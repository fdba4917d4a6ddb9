"""Say it out loud: rehearse the words to say no, leave or tell."""
