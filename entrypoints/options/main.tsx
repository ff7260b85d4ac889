import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import '../../components/ui/page.css';

render(<OptionsApp />, document.getElementById('app')!);
