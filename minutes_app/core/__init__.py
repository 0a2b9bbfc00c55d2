"""Domain logic with no Qt: services, rules, parsing, reports."""
