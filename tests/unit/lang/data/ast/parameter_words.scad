a1 = 1; // 5 abc 6 7
a2 = 1; // a 5 6
a3 = 1; // 5 6 a
a4 = 1;		//knobs on top of blocks
a5 = 1; //knobs
a6=1; // of
a7=1; // a of b
