$RECAP --version | grep -v "^recap [0-9]"
