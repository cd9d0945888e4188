from docgen.app.cli import main

main()
