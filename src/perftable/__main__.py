from perftable.cli import main

main()
