func pay(_ amount: Int) -> Bool {
    amount > 0
}
