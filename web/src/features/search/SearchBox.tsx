import { useState } from 'react';
import { Input, Grid } from 'antd';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { useSearchI18n } from './i18n';

/**
 * The workspace header's search box: Enter opens the results page (/app/search?q=…), which
 * keeps the words in the box.
 */
export default function SearchBox() {
  const { t } = useSearchI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const onPage = location.pathname === '/search';
  const urlQ = onPage ? (params.get('q') ?? '') : '';
  const [q, setQ] = useState(urlQ);
  // The words of the results page shown (another search, back and forward) fill the box.
  const [shown, setShown] = useState(urlQ);
  if (onPage && urlQ !== shown) {
    setShown(urlQ);
    setQ(urlQ);
  }
  return (
    <div role="search" aria-label={t('box.label')}>
      <Input.Search
        aria-label={t('box.label')}
        placeholder={t('box.placeholder')}
        value={q}
        maxLength={500}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(value) => {
          const words = value.trim();
          if (words) void navigate(`/search?q=${encodeURIComponent(words)}`);
        }}
        style={{ width: screens.lg ? 260 : 150, verticalAlign: 'middle' }}
      />
    </div>
  );
}
