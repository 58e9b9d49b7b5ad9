"""An imitation corpus of career profile pages in layouts no parser here was written for.

Known values (`model.Truth`) are rendered into many layouts (`layouts.py`, and the
held-out ones in `heldout.py`) with everything a real site varies drawn at random
per page and seed: tags and wrappers, class names (semantic, hashed, utility-only,
none), label wording per locale (US, UK, Canadian, Australian, New Zealand
English), section order, number and money formats, where the pay period and the
currency are stated, generic headings, breadcrumbs, hidden tab panels, and noise
(navigation, cookie banners, related-career cards with their own pay, scripts).

    corpus = build_corpus(seed=1, per_layout=6)
    corpus.pages[0].html, corpus.pages[0].truth

`site.py` serves a corpus on 127.0.0.1 (one server per layout, each a site with
a sitemap) and `scoring.py` scores published tables against the truth. Nothing
here reads the real-page fixtures, and nothing in the pipeline reads this.
"""

from tests.corpus.build import Corpus, CorpusPage, build_corpus
from tests.corpus.layouts import IN_SAMPLE

__all__ = ["IN_SAMPLE", "Corpus", "CorpusPage", "build_corpus"]
