"""The demo office: synthetic interchange documents and a throw-away demo store.

A layer beside the services (it uses them to create and fill a store); the UI, the benchmarks
and the tests use it. Nothing here ever touches real data.
"""
