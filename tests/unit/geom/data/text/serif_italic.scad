text("ego", font = "Liberation Serif:style=Italic", size = 12);
