#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Acceptance tests for Expand-FlowExpression (the xUnit twin that re-ran these in C# strings is retired).

BeforeAll {
    $manifest = if ($env:CALLBACKLAB_MANIFEST) { $env:CALLBACKLAB_MANIFEST } else { Join-Path $PSScriptRoot '../../out/CallbackLab/CallbackLab.psd1' }
    Import-Module $manifest -Force
    $script:contact = @{ NewPhoneContact = @{ DNIS = '+14694096861'; ANI = '+19725551234' } }
}

Describe 'Expand-FlowExpression' {
    It 'builds the lab MockAPI query with slice(2)' {
        Expand-FlowExpression 'dn={{NewPhoneContact.DNIS | slice(2) }}' -Variable $contact | Should -Be 'dn=4694096861'
    }

    It 'renders every template from the pipeline with Java-shaped values' {
        $vars = @{ 'CallBackAPI_HTTPRequest.httpStatusCode' = 201; code = '201'; count = 3 }
        $out = '{{CallBackAPI_HTTPRequest.httpStatusCode == 201}}', '{{ code == 201 }}', 'comfort_{{(count%4)+1}}.wav', '{{count is odd}}' |
            Expand-FlowExpression -Variable $vars
        $out | Should -Be @('true', 'false', 'comfort_4.wav', 'true')
    }

    It 'reads nested PSCustomObjects and the string length member' {
        $vars = [pscustomobject]@{ NewPhoneContact = [pscustomobject]@{ ANI = '+19725551234' } }
        Expand-FlowExpression '{{NewPhoneContact.ANI | slice (NewPhoneContact.ANI.length -10,NewPhoneContact.ANI.length)}}' -Variable $vars |
            Should -Be '9725551234'
    }

    It 'reports the lab error as a ParserError with Pebble''s message and goes on' {
        $out = '{{ ANI | 123}}', 'ok' | Expand-FlowExpression -ErrorVariable err -ErrorAction SilentlyContinue
        $out | Should -Be 'ok'
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'FlowExpressionParseError,CallbackLab.Commands.ExpandFlowExpressionCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ParserError'
        $err[0].TargetObject | Should -Be '{{ ANI | 123}}'
        $err[0].Exception.Message | Should -Be 'Unexpected token of value "123" and type NUMBER, expected token of type NAME'
        $err[0].ErrorDetails.Message | Should -Be 'Unexpected token of value "123" and type NUMBER, expected token of type NAME (at position 10 of ''{{ ANI | 123}}'')'
    }

    It 'reports an unknown filter and strict variables as InvalidOperation' {
        '{{ x | foo }}' | Expand-FlowExpression -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'FlowExpressionEvaluationError,CallbackLab.Commands.ExpandFlowExpressionCommand'
        $err[0].Exception.Message | Should -Be 'Filter [foo] does not exist.'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        { Expand-FlowExpression '{{ missing }}' -Strict -ErrorAction Stop } | Should -Throw -ErrorId 'FlowExpressionEvaluationError,CallbackLab.Commands.ExpandFlowExpressionCommand'
        Expand-FlowExpression '{{ missing }}' -Strict -ErrorVariable strict -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $strict[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $strict[0].Exception.Message | Should -Be 'Root attribute [missing] does not exist or can not be accessed and strict variables is set to true.'
        Expand-FlowExpression '[{{ missing }}]' | Should -Be '[]'
    }

    It 'reads a hashtable that contains itself without recursing forever' {
        $h = @{ name = 'x' }; $h.self = $h; $h.again = $h; $h.list = @($h, $h)
        Expand-FlowExpression '{{ self.again.self.list[1].name }}' -Variable $h | Should -Be 'x'
    }

    It 'refuses a -Variable that is not a map with a terminating InvalidArgument error' {
        $err = @(try { Expand-FlowExpression '{{ x }}' -Variable 42 -ErrorAction Stop } catch { $_ })
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidFlowVariables,CallbackLab.Commands.ExpandFlowExpressionCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }
}
