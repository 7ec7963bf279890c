"""The self-service engine: people register, edit, submit and share their own content.

A kind of owned content is declared once (`hubsi.kinds.Kind`, registered from its app's
`AppConfig.ready()`) and gets the same pages (`views.owner_urls`), form plumbing (`forms`),
editing state (`editing`) and dashboard entries (`dashboard`). docs/selfservice.md tells how.
The declaration lives beside this package, in `hubsi/kinds.py`, so that `hubsi.services` can
find a model's kind without importing the views that call it.
"""
