from perftable._entry import main

main()
