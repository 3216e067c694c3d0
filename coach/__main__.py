from coach.cli.launch import main

raise SystemExit(main())
