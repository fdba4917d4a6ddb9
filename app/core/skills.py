"""The warning signs and safe actions SafeSteps teaches, one id each.

Lessons list the skills they teach (`skills:`); every knowledge-check item tests one
(`skill:`). The curriculum map and the class report name skills with these descriptions,
which are for teachers and parents (not shown to children).
"""

from __future__ import annotations

WARNING_SIGNS: dict[str, str] = {
    "pretending": "People online may not be who they say they are",
    "secrecy": "Being asked to keep a secret or not to tell",
    "gifts": "Gifts, game currency or favours from someone online",
    "flattery": "Lots of compliments, being told you are special or mature",
    "personal-info": "Questions about your school, address, room or who is at home",
    "private-chat": "Being asked to move to a private chat or another app",
    "picture-requests": "Being asked for photos or pictures",
    "meeting": "Being asked to meet",
    "isolation": "Being turned away from friends and family",
    "pressure-threats": "Pressure, guilt-tripping and threats",
    "mixed-signals": "Niceness that switches to nastiness; small tests of obedience",
}

SAFE_ACTIONS: dict[str, str] = {
    "trusted-adults": "Knowing who your trusted adults are",
    "surprise-or-secret": "Telling a fun surprise from a worrying secret",
    "feelings": "Listening to worried feelings in your body",
    "body-belongs": "Your body belongs to you; you can say no",
    "stop-block-report": "Stop, don't reply, block and report",
    "keep-evidence": "Keeping messages and screenshots as evidence",
    "tell-even-if-promised": "You can tell even if you promised not to",
    "not-your-fault": "It is never the child's fault",
    "keep-telling": "Keep telling until someone listens",
    "image-removal": "Images can be removed; where to get help",
    "sextortion-response": "Sextortion: don't pay, stop contact, keep evidence, report",
    "consent": "Consent and sharing images",
    "healthy-relationships": "Healthy and unhealthy relationships",
    "adult-relationship": "An adult seeking a relationship with an under-18 is never OK",
    "helping-a-friend": "Helping a friend who is worried",
}

SKILLS: dict[str, str] = {**WARNING_SIGNS, **SAFE_ACTIONS}
