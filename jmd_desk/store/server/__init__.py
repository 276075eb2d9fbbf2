"""The office server backend (DESIGN §3b): PostgreSQL through psycopg 3, TLS and SCRAM only."""
