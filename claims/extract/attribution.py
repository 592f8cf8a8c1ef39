"""Who says a claim in an article: the speaker of its quotation or reported speech."""
from __future__ import annotations

from claims.extract import events, speakers
from claims.extract.context import ArticleContext
from claims.extract.sentences import Sentence


def speaker_for(context: ArticleContext, sentence: Sentence, trigger: events.Trigger,
                quote: tuple[int, int] | None) -> str | None:
    body = context.article.body
    persons = context.lexicon.persons
    if quote is not None and quote[1] - quote[0] > 20:
        return speakers.quote_speaker(body, quote, persons)
    return (speakers.reported_speaker(body[sentence.start:trigger.start], body[:trigger.start], persons)
            or speakers.trailing_speaker(body[trigger.end:sentence.end], body[:trigger.start], persons))
