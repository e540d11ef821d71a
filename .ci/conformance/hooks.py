"""schemathesis hooks for .ci/conformance.sh (loaded with SCHEMATHESIS_HOOKS).

`cursor` is an opaque token the server issues (`next_cursor` of a page) and
refuses with 400 when it did not issue it: a random string is not a cursor,
whatever pattern it matches. So a *positive* case (one schemathesis expects
to be accepted) never carries a cursor it made up, in any phase; one drawn
from schemathesis' resource pool (captured from a response) is kept.
Negative cases keep their cursors: those must be refused, and are. The 400 for a cursor that was not issued is
tested in the data and auth test suites (clodo-sdk/tests/data_lists.rs,
clodo-sdk/tests/auth_block.rs).
"""

import schemathesis

OPAQUE = ("cursor",)


@schemathesis.hook
def filter_case(ctx, case):
    meta = case.meta
    if meta is None or not case.query:
        return True
    made_up = [
        name
        for name in OPAQUE
        if name in case.query
        and not any(d.parameter_name == name for d in getattr(meta, "pool_draws", ()))
    ]
    return not made_up or not meta.generation.mode.is_positive
