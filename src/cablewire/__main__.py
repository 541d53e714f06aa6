from cablewire.cli import main

main()
