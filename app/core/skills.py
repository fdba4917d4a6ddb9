"""The warning signs and safe actions SafeSteps teaches, one id each.

Lessons list the skills they teach (`skills:`); every knowledge-check item tests one
(`skill:`). The curriculum map and the class report name skills with these descriptions,
which are for teachers and parents (not shown to children).
"""

from __future__ import annotations


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark, translate later"
    """Marks a description for extraction; the UI translates it with _() when shown."""
    return message


WARNING_SIGNS: dict[str, str] = {
    "pretending": N_("People online may not be who they say they are"),
    "secrecy": N_("Being asked to keep a secret or not to tell"),
    "gifts": N_("Gifts, game currency or favours from someone online"),
    "flattery": N_("Lots of compliments, being told you are special or mature"),
    "personal-info": N_("Questions about your school, address, room or who is at home"),
    "private-chat": N_("Being asked to move to a private chat or another app"),
    "picture-requests": N_("Being asked for photos or pictures"),
    "meeting": N_("Being asked to meet"),
    "isolation": N_("Being turned away from friends and family"),
    "pressure-threats": N_("Pressure, guilt-tripping and threats"),
    "mixed-signals": N_("Niceness that switches to nastiness; small tests of obedience"),
}

SAFE_ACTIONS: dict[str, str] = {
    "trusted-adults": N_("Knowing who your trusted adults are"),
    "surprise-or-secret": N_("Telling a fun surprise from a worrying secret"),
    "feelings": N_("Listening to worried feelings in your body"),
    "body-belongs": N_("Your body belongs to you; you can say no"),
    "stop-block-report": N_("Stop, don't reply, block and report"),
    "keep-evidence": N_("Keeping messages and screenshots as evidence"),
    "tell-even-if-promised": N_("You can tell even if you promised not to"),
    "not-your-fault": N_("It is never the child's fault"),
    "keep-telling": N_("Keep telling until someone listens"),
    "image-removal": N_("Images can be removed; where to get help"),
    "sextortion-response": N_("Sextortion: don't pay, stop contact, keep evidence, report"),
    "consent": N_("Consent and sharing images"),
    "healthy-relationships": N_("Healthy and unhealthy relationships"),
    "adult-relationship": N_("An adult seeking a relationship with an under-18 is never OK"),
    "helping-a-friend": N_("Helping a friend who is worried"),
}

SKILLS: dict[str, str] = {**WARNING_SIGNS, **SAFE_ACTIONS}
