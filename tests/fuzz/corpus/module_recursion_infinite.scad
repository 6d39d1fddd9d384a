module m() m();
m();
