from docgen.app.launch import main

main()
