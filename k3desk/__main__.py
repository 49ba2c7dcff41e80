from k3desk.cli import main

raise SystemExit(main())
