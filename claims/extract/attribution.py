"""Who says a claim in an article: the speaker of its quotation or reported speech."""
from __future__ import annotations

from claims.extract import events, speakers
from claims.extract.context import ArticleContext
from claims.extract.sentences import Sentence
from claims.extract.works import fold_title


def speaker_for(context: ArticleContext, sentence: Sentence, trigger: events.Trigger,
                quote: tuple[int, int] | None) -> str | None:
    body = context.article.body
    persons = context.lexicon.persons
    if quote is not None and quote[1] - quote[0] > 20:
        speaker = speakers.quote_speaker(body, quote, persons)
    else:
        speaker = (speakers.reported_speaker(sentence.start, sentence.end, trigger.start, body, persons)
                   or speakers.trailing_speaker(body, trigger.end, sentence.end, persons, trigger.start))
    # An eponymous title is no speaker: "Jessica Jones revealed" is about the show.
    if speaker and fold_title(speaker) in context.lexicon.titles:
        return None
    return speaker
