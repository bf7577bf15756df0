"""Read-only queries the pages draw from (supporter timelines, network matrix, program trends).

No Streamlit here. Every function takes a `scope` and checks the program against it before
reading; values are bound as parameters, table and column names come from the registry.
"""
