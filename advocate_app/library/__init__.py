"""The reference library: public text shipped with the app, never vault data.

parsing (articles and their front matter), render (an article as safe HTML), resources (the
shipped national directory), index (the in-memory search index), shipped (all of it, loaded
once per process) and guides (the Help section's task guides). No Qt, no vault: the store uses
it (the directory, the search box), never the other way round.
"""
