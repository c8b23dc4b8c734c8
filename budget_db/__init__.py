"""budget-db: schema, loading and the command line (records -> PostgreSQL)."""
