"""Gathering over HTTP, in layers (each a small module, testable against a local server):

- ``seotool.urls``: URL normalisation (one policy, documented there) and crawl scope.
- ``politeness``: per-host in-flight limit and delay between requests (thread-safe gate).
- ``fetch`` (+ ``body``): one URL under caps -> a ``FetchResult`` with its redirect chain, status,
  headers, body and the reason it failed. Reused by the link prober (``probe``).
- ``robots``: robots.txt per origin (Protego), Crawl-delay, Sitemap lines.
- ``sitemap``: sitemap and sitemap-index parsing.
- ``frontier``: the deduplicating queue of URLs to fetch.
- ``decode`` + ``pages``: HTML decoding and parsing of one fetched page (in a worker thread).
- ``recording``: a fetch's outcome as Records (state + reason for every URL in its chain).
- ``workers``: the thread pool.
- ``crawler``: the coordinator, ``crawl(urls, config, site, progress)``.
"""
