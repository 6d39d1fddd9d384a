use </usr/share/openscad/testdata/ttf/marvosym-3.10/marvosym.ttf>
text("0A", font = "MarVoSym", size = 40);
