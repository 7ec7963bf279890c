"""The self-service engine: people register, edit, submit and share their own content.

A kind of owned content is declared once (`kinds.Kind`, registered from its app's
`AppConfig.ready()`) and gets the same pages (`views.owner_urls`), form plumbing (`forms`),
editing state (`editing`) and dashboard entries (`dashboard`). docs/selfservice.md tells how.
Import from the modules: `hubsi.services` imports `kinds`, and `views` imports `hubsi.services`.
"""
