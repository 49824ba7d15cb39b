import { isPersonName } from './person-name';

describe('person name', () => {
  it.each(['张伟', '欧阳·娜娜', "O'Brien", 'Jean-Luc Picard', 'J. R.', 'Lǐ Míng'])('accepts %s', (name) => {
    expect(isPersonName(name)).toBe(true);
  });

  it.each(['', ' 张伟', '<script>', '张伟;DROP', '-张', '张\u0000伟', 'a\nb'])('refuses %j', (name) => {
    expect(isPersonName(name)).toBe(false);
  });
});
