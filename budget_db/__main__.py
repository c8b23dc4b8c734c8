from budget_db.cli import main

main()
